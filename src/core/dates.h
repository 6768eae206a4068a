// Dates as tables write them: a calendar point, a deadline ("2021年12月前",
// "次年3月前"), a span of days that work was done on some day of ("2024年10月",
// "第四季度", "6月中旬", "2024年9月-12月"); how they compare, and what an
// actual says about a deadline ("提前2个月完成", "截至2024年12月未完成").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jixiao::core {

struct Value;

// Whether `figure` (its whole part) is a year a table may name as a date, 1990 to
// 2100: "2024.12", "20241030" and "2024年" are dates only with such a year, so a
// count or an amount ("2000.5以内") is not taken for one far off.
inline bool is_calendar_year(double figure) {
  return figure >= 1990 && figure < 2101;
}

// A calendar point; 0 means "not written" (a month of 0 is the end of the
// year, a day of 0 the end of the month).
struct Date {
  int year = 0;  // 0: the year evaluated, or the one after it (years_after)
  int month = 0;
  int day = 0;
  int years_after = 0;  // "次年3月前": 1, with year 0
  // Written as a span of months, not as a day: the span's first month (it
  // ends where the date does). "2024年10月": 10, some day of October;
  // "第四季度": 10; "下半年": 7; "2024年", "年内完成", "2024年11月前": 1. 0 for a
  // day: "2024年10月15日", "10月底", "年底", "年中". Only an actual's span
  // matters: it is done on some day of it, perhaps before a deadline within it.
  int span_from = 0;
  // The span's first day when it is not the 1st: a part of a month ("2024年6月
  // 中旬": 11, "下旬": 21) or a day named at a span's start ("9月5日至10月").
  int span_from_day = 0;
};

// Compares two dates; missing parts compare as the latest possible (end of the
// year, end of the month), and a missing year on either side ignores years.
// Returns <0, 0, >0.
int compare_dates(const Date& a, const Date& b);

// The first day of the span `d` was written as (Date::span_from and
// span_from_day): October 1st for "2024年10月", "第四季度", June 11th for
// "6月中旬", September 1st for "2024年9月-12月"; nullopt when `d` names a day.
std::optional<Date> span_start(const Date& d);

// Whether `done`, written as a span, holds `deadline`: it ends after the
// deadline and begins by it ("2024年10月" against "2024年10月15日前"), so the
// work may have been done on either side. Both dates with their years read
// alike (a date without its year is in the year evaluated).
bool deadline_within_span(const Date& done, const Date& deadline);

// The month a figure names when a date is wanted: "2024.12" (or "2024.1") is
// read as a number, since alone it may be one, but against a deadline it is
// December (January) 2024. A number with one or two decimals, a year from 1990
// to 2100 and a month from 1 to 12 as written; or eight digits that name a day
// ("20241030"); nullopt for anything else (is_calendar_year says which years).
std::optional<Date> year_month_of(const Value& v);

// The date an actual names: a date as read, or a figure read as a year and a
// month (year_month_of: "2024.12"); nullopt for anything else.
std::optional<Date> date_named(const Value& v);

// A target written as a year and a month with a dot ("2024.12", "≤2024.10",
// read as a figure) is that month when the actual is a date ("2024年11月"), or is written
// so too under a name that names a time (text::names_a_time: "完成时间" with
// "2024.11"): `as_month` is set to it and returned. Else `target` (under
// "产量", 2024.12 stays a figure). Before, "2025.1" had full marks against
// "2024.12", and a date against it was unreadable.
const Value& target_as_month(const Value& target, const Value& actual, std::string_view name,
                             Value& as_month);

// Against a deadline, an actual that says by how long it was early or late:
// true for "提前2个月完成", "提前10天"; false for "延迟1个月", "推迟10天完成",
// "延期2个月", "滞后3个月", "逾期15天", "超期5天". A length of time with such a
// word before it; nullopt otherwise.
std::optional<bool> early_or_late(const Value& v);

// Against a deadline, the date by which an actual says the work was still not
// done: "截至2024年12月未完成", "截止2024年10月底尚未完成". nullopt otherwise.
std::optional<Date> unfinished_by(const Value& v);

// The readers of a date for parse_value (value.cc): each reads the whole of
// `s` (normalized text) into `v` as kind date and returns true, or returns
// false for text that is no such date.
// "2021年12月前", "2024-11-30", "第三季度", "年底前", "次年3月前", "10月中旬".
bool read_date(std::string_view s, Value& v);
// "2024年9月-12月", "9月5日至10月底": a span of one year. True with kind invalid
// for two dates that make no span ("2024年12月-9月").
bool read_date_span(std::string_view s, Value& v);
// "2024.6.28", "2024.06.30前", "于2024.11.8完成": year, month and day between
// dots, with the words read_date reads around a date.
bool read_dotted_date(std::string_view s, Value& v);
// "2024.11" alone, read as a month where the words around it say it is a date
// ("2024.11，已完成"); read_date takes it with such words in `s` itself
// ("2024.11前", "已于2024.11完成").
bool read_dotted_month(std::string_view s, Value& v);

// The length (6 or 7 bytes) of a year from 1990 to 2100 and a month from 1 to
// 12 with a dot between them at the start of `s` ("2024.6", "2024.12"), when no
// digit or dot follows the month; 0 otherwise.
size_t dotted_year_month_length(std::string_view s);

}  // namespace jixiao::core
