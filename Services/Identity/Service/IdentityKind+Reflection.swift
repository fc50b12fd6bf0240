import BeianModel
import BeianRPC

// Reflection lists the values of these enumerations in the message shapes.
extension IdentityKind: ReflectableEnum {}
extension IdentityCheck.Gender: ReflectableEnum {}
extension IdentityCheck.RegionStatus: ReflectableEnum {}
extension DivisionRegistry.Level: ReflectableEnum {}
extension HolderMatch: ReflectableEnum {}
extension IdentityResultDetail: ReflectableEnum {}
