package enum BeianRPCModule {}
