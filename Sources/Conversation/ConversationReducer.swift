import Foundation
import Intents

/// The provider's chat journey as a pure function: `(state, event, context) → (state, [effect])`.
///
/// No I/O, no clock reads, no randomness: time, dialogs and the contact's tickets come in the context.
public enum ConversationReducer {
    public static func reduce(
        state: ConversationState, event: ConversationEvent, context: ConversationContext
    ) -> (ConversationState, [Effect]) {
        var turn = ConversationTurn(state: state, context: context)
        turn.handle(event)
        return (turn.state, turn.effects)
    }
}
