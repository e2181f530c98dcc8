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

/// A table as CSV for spreadsheets: `;`-separated (French Excel), a byte-order
/// mark so accents read right, every cell defused.
pub fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        w.write_record(header.iter().map(|h| defuse(h)))?;
        for row in rows {
            w.write_record(row.iter().map(|c| defuse(c)))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A table as one XLSX sheet named `sheet` (cleaned to what Excel accepts, or
/// "Liste"): a bold frozen header, every cell text, defused.
pub fn xlsx_bytes(
    sheet: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet();
    // Sheet names are at most 31 characters and refuse a few symbols.
    let name: String = sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(if name.is_empty() { "Liste" } else { &name })?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, defuse(h), &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, defuse(value))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofit();
    book.save_to_buffer()
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
