print("beian: not built yet")
