// E-mail addresses and phone numbers written into free text, found so that a text meant for a public
// page can be refused while it holds someone's contact details (partnership/public_text_check.hpp).
// Pure functions over UTF-8 text; offsets are in bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace carevoice::partnership {

struct TextSpan {
    std::size_t offset = 0;  // bytes from the start of the text
    std::size_t length = 0;  // bytes
};

// Addresses written local@domain.tld: the local part (letters, digits, . _ % + - ' and non-ASCII
// letters, at most 64 bytes), a domain of at least two labels (letters, digits, hyphens, at most 253
// bytes) ending in a label of two or more letters. "jane@example.org", "j.o'brien+cpg@nhs.net",
// "mailto:jane@example.org" (the address only). Not "@handles" or "jane@localhost".
std::vector<TextSpan> FindEmailAddresses(std::string_view text);

// A phone number found in text, and its digits as they are compared: the UK national number with its
// leading 0 ("01632960123") for a UK number however written, "+" and the digits for any other country.
struct PhoneInText {
    TextSpan span;
    std::string digits;
};

// Phone numbers a person can be reached on. A candidate is a run of digit groups separated by one space,
// hyphen or dot, the first group optionally in brackets, that starts where no letter, digit or one of
// _ / . , - + £ $ € @ stands just before it and ends where no letter or digit follows. It is a phone
// number when it is:
// - UK, written nationally: 10 or 11 digits starting 01, 02 or 07 (geographic and mobile numbers),
//   either unbroken or with a first group of 3 to 6 digits: "01632 960123", "(01632) 960 123",
//   "07700 900123", "020 7946 0123", "0161-496-0123", "01632960123";
// - UK, written internationally: +44 or 0044, an optional (0), then the number without its 0:
//   "+44 1632 960123", "+44 (0)1632 960123", "+447700900123";
// - any other country: + and 8 to 15 digits in all ("+353 1 555 0123").
// Not phone numbers: 03, 08 and 09 numbers, which are not geographic and belong to organisations that
// publish them (0300 NHS lines, 0800 and 0808 helplines such as Macmillan's); dates ("14 3 2026",
// "01 03 2026", "01/03/2026"), times ("10:30"), money ("£1,250"), years, counts and codes ("RD8",
// "E56000"); runs of more than 15 digits (E.164's longest number).
std::vector<PhoneInText> FindPhoneNumbers(std::string_view text);

}  // namespace carevoice::partnership
