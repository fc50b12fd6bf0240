package enum ReferenceDataModule {}
