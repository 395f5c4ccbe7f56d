"""Object storage behind one small interface (`Storage`), local disk by default."""
