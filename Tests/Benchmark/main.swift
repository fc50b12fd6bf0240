print("beian-bench: not built yet")
