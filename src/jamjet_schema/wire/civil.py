"""Proleptic Gregorian calendar arithmetic over chrono's NaiveDate range.

Days are counted from 1970-01-01 (Howard Hinnant's algorithms); floor division keeps
them valid for negative years, as chrono's rem_euclid-based code is.
"""

from __future__ import annotations

# chrono 0.4.45 naive/date/mod.rs: MAX_YEAR = (i32::MAX >> 13) - 1, MIN_YEAR = (i32::MIN >> 13) + 1.
MIN_YEAR = -262_143
MAX_YEAR = 262_142

SECONDS_PER_DAY = 86_400
NANOS_PER_SECOND = 1_000_000_000

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap_year(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def is_valid_date(year: int, month: int, day: int) -> bool:
    """NaiveDate::from_ymd_opt(...).is_some()."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return False
    return 1 <= day <= days_in_month(year, month)


def days_from_civil(year: int, month: int, day: int) -> int:
    shifted = year - 1 if month <= 2 else year
    era = shifted // 400
    year_of_era = shifted - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


MIN_DAY = days_from_civil(MIN_YEAR, 1, 1)
MAX_DAY = days_from_civil(MAX_YEAR, 12, 31)
# Unix seconds of the first and the last second chrono's DateTime<Utc> can hold.
MIN_UNIX_SECONDS = MIN_DAY * SECONDS_PER_DAY
MAX_UNIX_SECONDS = MAX_DAY * SECONDS_PER_DAY + SECONDS_PER_DAY - 1
