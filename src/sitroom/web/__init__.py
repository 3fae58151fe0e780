"""Web stage: the situation room in the browser (map, time slider, evidence) and its JSON API."""
