/// Composition of the edge, the dialogs and the domain into the running service.
public enum LoketService {}
