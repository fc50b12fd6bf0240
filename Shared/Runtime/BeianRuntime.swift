package enum BeianRuntimeModule {}
