/// A value with a Chinese name that staff and operators read (抖音号, 已备案, 便民服务 …): error
/// messages list such values with their names beside the codes the API takes, and enum fields
/// accept the name as well as the code (`EnumParsing`). Names must differ within an enum (a shared
/// name is refused as ambiguous).
package protocol ChineseNamed {
    /// The Chinese name.
    var zh: String { get }
}

extension Platform: ChineseNamed {}
extension FilingStatus: ChineseNamed {}
extension MaterialKind: ChineseNamed {}
extension BusinessScope: ChineseNamed {}
extension ContentForm: ChineseNamed {}
extension ObjectKind: ChineseNamed {}
extension OperatorKind: ChineseNamed {}
extension Hosting: ChineseNamed {}
extension SiteType: ChineseNamed {}
extension UnitType: ChineseNamed {}
extension PublicSector: ChineseNamed {}
extension ScopeConditionKind: ChineseNamed {}
extension SanctionMeasure: ChineseNamed {}
