package enum IntakeServiceModule {}
