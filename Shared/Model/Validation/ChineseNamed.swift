/// A value with a Chinese name that staff and operators read (抖音, 已备案, 便民服务 …): error
/// messages list such values with their names beside the codes the API takes.
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
extension UnitType: ChineseNamed {}
extension PublicSector: ChineseNamed {}
extension ScopeConditionKind: ChineseNamed {}
extension SanctionMeasure: ChineseNamed {}
