/// A choice offered as a button or list row; typed numbers pick by position.
struct ChoiceOption: Equatable {
    var id: String
    var title: String
    var description: String?
}
