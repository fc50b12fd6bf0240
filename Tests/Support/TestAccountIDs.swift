/// A short, stable suffix from an account's name, so that test accounts of different names have
/// different account ids (an office files each account once at a time).
package func accountSuffix(_ name: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return String(hash % 1_000_000)
}
