// Fixture source: never spells its own id.
