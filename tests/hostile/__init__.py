"""Hostile input, one case per class of attack (issue 13): files, reads, limits, merges, fuzzing."""
