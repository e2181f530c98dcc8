//! What every export (CSV or XLSX) does to the text it writes: a cell that a
//! spreadsheet would read as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+1`)
//! is written as text. One function, so that no export can forget it.

/// `cell` made inert for spreadsheets: when it starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return it gets a leading apostrophe (OWASP's advice),
/// unless it is a plain number such as `-3` or `+33`.
pub fn defuse(cell: &str) -> String {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formula_openers_get_an_apostrophe() {
        for cell in [
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "@SUM(A1:A2)",
            "+1+1",
            "-1+cmd|' /C calc'!A0",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(defuse(cell), format!("'{cell}"));
        }
    }

    #[test]
    fn ordinary_text_and_numbers_stay() {
        for cell in [
            "Très bien",
            "",
            "3",
            "-3",
            "+33",
            "-2.5",
            "a=b",
            "x@y.example",
        ] {
            assert_eq!(defuse(cell), cell);
        }
    }
}
