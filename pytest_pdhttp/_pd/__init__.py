"""The `pd` fixture: the fake step context, step loading, workflows, data stores."""
