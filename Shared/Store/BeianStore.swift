package enum BeianStoreModule {}
