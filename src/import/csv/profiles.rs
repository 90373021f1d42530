//! The profiles shipped with gestio, compiled in from `samples/csv-profiles/` so the binary needs
//! no files beside it. An office's own layout is given as a TOML file of the same shape.

use super::CsvProfile;

/// Name and TOML text of every built-in profile.
pub const BUILT_IN_PROFILES: [(&str, &str); 4] = [
    ("bcee", include_str!("../../../samples/csv-profiles/bcee.toml")),
    (
        "sparkasse",
        include_str!("../../../samples/csv-profiles/sparkasse.toml"),
    ),
    (
        "banque-postale",
        include_str!("../../../samples/csv-profiles/banque-postale.toml"),
    ),
    ("swedbank", include_str!("../../../samples/csv-profiles/swedbank.toml")),
];

/// The built-in profile called `name`.
pub fn built_in_profile(name: &str) -> Option<CsvProfile> {
    BUILT_IN_PROFILES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, text)| CsvProfile::parse(text).expect("BUG: the built-in CSV profiles are valid"))
}
