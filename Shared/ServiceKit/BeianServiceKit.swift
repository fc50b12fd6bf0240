package enum BeianServiceKitModule {}
