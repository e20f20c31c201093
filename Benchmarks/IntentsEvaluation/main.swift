print("placeholder: replaced by the benchmark program of its issue")
