# UI strings of the workflow pages (et). Keys in all three languages (et, en, ru).
