"""Citations resolved into a reference graph, and the linker that turns them into links."""
