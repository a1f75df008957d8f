// The CLI as separate processes: arrives in the next commit.
