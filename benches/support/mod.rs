//! What the benchmarks share: settings from the environment, generated IBANs, peak memory.
#![allow(dead_code)]

pub mod books;
pub mod sessions;

/// `name` from the environment as a number, else `default`.
pub fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// A valid IBAN text of `country` for account `number` at `bank` (mod-97 check digits computed).
pub fn iban(country: &str, bank: &str, number: usize) -> String {
    let bban = format!("{bank}{number:012}");
    let digits: String = format!("{bban}{country}00")
        .chars()
        .map(|character| character.to_digit(36).expect("an alphanumeric").to_string())
        .collect();
    let remainder = digits.bytes().fold(0_u32, |remainder, digit| {
        (remainder * 10 + u32::from(digit - b'0')) % 97
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

/// The process's peak resident memory (VmHWM), as the kernel reports it.
pub fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM"))
                .map(|line| line.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
