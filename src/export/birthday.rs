//! A birthday as the vault holds it (the text its source wrote) read as a
//! date where it is one, so that vCard 4.0 writes a date value, 3.0 a date
//! its readers accept, and only what is no date stays text.

use chrono::NaiveDate;

/// What a stored birthday is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Birthday {
    Date(NaiveDate),
    /// Month and day without a year (`--0203`).
    NoYear {
        month: u32,
        day: u32,
    },
    Text(String),
}

impl Birthday {
    /// `1980-03-22`, `19800322`, `1980.03.22`, `1980/3/22`, `--0203`, `--02-03`.
    pub fn parse(text: &str) -> Birthday {
        let t = text.trim();
        if let Some(rest) = t.strip_prefix("--") {
            let digits: String = rest.chars().filter(|c| *c != '-').collect();
            if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) {
                let (month, day) = (digits[..2].parse().unwrap_or(0), digits[2..].parse().unwrap_or(0));
                // 2000 is a leap year: 29 February is a birthday.
                if NaiveDate::from_ymd_opt(2000, month, day).is_some() {
                    return Birthday::NoYear { month, day };
                }
            }
            return Birthday::Text(t.to_owned());
        }
        for format in ["%Y-%m-%d", "%Y%m%d", "%Y.%m.%d", "%Y/%m/%d", "%Y. %m. %d."] {
            if let Ok(date) = NaiveDate::parse_from_str(t, format) {
                return Birthday::Date(date);
            }
        }
        // 4.0 writes a date with its time (19800322T000000Z); the day is what counts.
        if let Some((day, _)) = t.split_once('T')
            && let Birthday::Date(date) = Birthday::parse(day)
        {
            return Birthday::Date(date);
        }
        Birthday::Text(t.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_files_write() {
        let d = |y, m, day| Birthday::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap());
        assert_eq!(Birthday::parse("1980-03-22"), d(1980, 3, 22));
        assert_eq!(Birthday::parse("19220310"), d(1922, 3, 10));
        assert_eq!(Birthday::parse("1999.03.01"), d(1999, 3, 1));
        assert_eq!(Birthday::parse("19800322T000000Z"), d(1980, 3, 22));
        assert_eq!(Birthday::parse("--0203"), Birthday::NoYear { month: 2, day: 3 });
        assert_eq!(Birthday::parse("--02-29"), Birthday::NoYear { month: 2, day: 29 });
        assert_eq!(Birthday::parse("--1340"), Birthday::Text("--1340".into()));
        assert_eq!(Birthday::parse("봄 어느 날"), Birthday::Text("봄 어느 날".into()));
        assert_eq!(Birthday::parse("1999-02-30"), Birthday::Text("1999-02-30".into()));
    }
}
