/// JSON values, a strict parser and serializer, and Codable bridges (filled in by the RPC work).
package enum BeianJSONModule {}
