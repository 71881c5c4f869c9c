"""The engine: groups reports by year, measures each rule, decides its status, scores."""
