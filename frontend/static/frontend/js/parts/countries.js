// The countries whose help lines Tweespraak curates (help resources, profile choices).
export const COUNTRIES = ["NL", "BE", "GB", "US", "DE"];
