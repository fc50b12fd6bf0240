package enum IdentityServiceModule {}
