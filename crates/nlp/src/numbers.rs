//! Number words, the one list that time expressions and quantities share.

/// Number words up to ninety-nine, "a", "dozen", "hundred", and digits (`600,000`).
pub fn cardinal(w: &str) -> Option<u32> {
    let ones = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = ones.iter().position(|x| *x == w) {
        return Some(i as u32);
    }
    let tens = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = tens.iter().position(|x| *x == w) {
        return Some(20 + 10 * i as u32);
    }
    if let Some((t, o)) = w.split_once('-') {
        let t = tens.iter().position(|x| *x == t)?;
        let o = ones[1..10].iter().position(|x| *x == o)?;
        return Some(20 + 10 * t as u32 + o as u32 + 1);
    }
    match w {
        "a" | "an" | "single" => Some(1),
        "dozen" => Some(12),
        "hundred" => Some(100),
        _ => w.replace(',', "").parse().ok(),
    }
}

/// Scale words after a number: "1.2 million", "three hundred".
pub fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// Fractions in words, as a share of one: "a fifth", "half", "two-thirds".
pub fn fraction(w: &str) -> Option<f64> {
    let (n, d) = match w.split_once('-') {
        Some((n, d)) => (f64::from(cardinal(n)?), d),
        None => (1.0, w),
    };
    let d = match d.trim_end_matches('s') {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    };
    Some(n / d)
}
