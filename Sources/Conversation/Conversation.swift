/// The chat journey of a provider as a pure reducer.
public enum Conversation {}
