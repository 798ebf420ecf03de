#include "base/search_query.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace spoed::daemon::service {
namespace {

using namespace std::chrono;

constexpr year_month_day kJuly3rd2010{year{2010}, July, day{3}};

/// Independent of the code under test: a strict UTF-8 check (no overlongs, surrogates or > U+10FFFF).
bool IsValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80                 ? 1
                        : c >= 0xC2 && c <= 0xDF ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        auto c1 = static_cast<unsigned char>(s[i + (n > 1 ? 1 : 0)]);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 >= 0x90)) {
            return false;
        }
        i += n;
    }
    return true;
}

std::string ErrorOf(std::string_view query) {
    auto r = ParseSearchQuery(query);
    if (r.ok()) return "(accepted)";
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
    return r.error().message;
}

// --- NormalizePhone ---------------------------------------------------------------------------

TEST(SearchQueryNormalizePhone, GivesOneFormForEveryNotationOfAMobileNumber) {
    for (const char* text :
         {"06-12345678", "06 1234 5678", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06/12345678",
          "(06) 12345678", "+31 6 1234 5678", "+31612345678", "+31-6-12345678", "+31 (0)6 12345678", "+31(0)612345678",
          "(+31) 6 12345678", "+31 06 12345678", "0031612345678", "0031 6 1234 5678", "0031 (0)6 1234 5678"}) {
        EXPECT_EQ(NormalizePhone(text), "+31612345678") << text;
    }
}

TEST(SearchQueryNormalizePhone, NormalisesLandlines) {
    for (const char* text :
         {"(050) 123 4567", "050-1234567", "050 123 45 67", "+31 50 123 4567", "0031501234567", "+31 (0)50 1234567"}) {
        EXPECT_EQ(NormalizePhone(text), "+31501234567") << text;
    }
    EXPECT_EQ(NormalizePhone("020-7654321"), "+31207654321");
    EXPECT_EQ(NormalizePhone("0598-123456"), "+31598123456");
}

TEST(SearchQueryNormalizePhone, KeepsForeignNumbersWithTheirCountryCode) {
    EXPECT_EQ(NormalizePhone("+49 30 1234567"), "+49301234567");
    EXPECT_EQ(NormalizePhone("0049 30 1234567"), "+49301234567");
    EXPECT_EQ(NormalizePhone("+44 (0)20 7946 0000"), "+442079460000");
    EXPECT_EQ(NormalizePhone("+32 2 123 45 67"), "+3221234567");
    EXPECT_EQ(NormalizePhone("+90 532 123 45 67"), "+905321234567");
}

TEST(SearchQueryNormalizePhone, AcceptsEightToFifteenInternationalDigits) {
    EXPECT_EQ(NormalizePhone("+12345678"), "+12345678");
    EXPECT_EQ(NormalizePhone("+123456789012345"), "+123456789012345");
    EXPECT_EQ(NormalizePhone("00123456789012345"), "+123456789012345");
    EXPECT_EQ(NormalizePhone("+1234567"), std::nullopt);
    EXPECT_EQ(NormalizePhone("+1234567890123456"), std::nullopt);
}

TEST(SearchQueryNormalizePhone, HoldsDutchInternationalNumbersToTheNationalLength) {
    EXPECT_EQ(NormalizePhone("+31 6 1234 567"), std::nullopt);
    EXPECT_EQ(NormalizePhone("+31 6 1234 56789"), std::nullopt);
    EXPECT_EQ(NormalizePhone("+31 00 612345678"), std::nullopt);
}

TEST(SearchQueryNormalizePhone, RefusesWhatIsNotAPhoneNumber) {
    for (const char* text : {"",
                             "   ",
                             "-",
                             "+",
                             "06-1234567",
                             "06-123456789",
                             "612345678",
                             "12345678",
                             "06-1234567a",
                             "tel 0612345678",
                             "O612345678",
                             "+0612345678",
                             "000612345678",
                             "06++12345678",
                             "06 + 12345678",
                             "0612345678+",
                             "+31+612345678",
                             "((050)) 1234567",
                             "050) 1234567",
                             "(050 1234567",
                             "06_12345678",
                             "06,12345678",
                             "3-7-2010",
                             "03072010",
                             "2010-07-03",
                             "\xef\xbc\x90\xef\xbc\x96\x31\x32\x33\x34\x35\x36\x37\x38" /* full-width 06 */}) {
        EXPECT_EQ(NormalizePhone(text), std::nullopt) << text;
    }
}

TEST(SearchQueryNormalizePhone, IsIdempotent) {
    for (const char* text : {"06-12345678", "(050) 123 4567", "+44 (0)20 7946 0000", "+12345678"}) {
        auto once = NormalizePhone(text);
        ASSERT_TRUE(once) << text;
        EXPECT_EQ(NormalizePhone(*once), once);
    }
}

TEST(SearchQueryPhoneDigitsKey, IsTheNumberWithoutPlus) {
    EXPECT_EQ(PhoneDigitsKey("+31612345678"), "31612345678");
    EXPECT_EQ(PhoneDigitsKey("+442079460000"), "442079460000");
    EXPECT_EQ(PhoneDigitsKey(*NormalizePhone("06 1234 5678")), "31612345678");
}

// --- ParseDutchDate ---------------------------------------------------------------------------

TEST(SearchQueryParseDutchDate, ReadsEveryNotation) {
    for (const char* text : {"3-7-2010", "03-07-2010", "3/7/2010", "03/07/2010", "3.7.2010", "03.07.2010", "2010-07-03",
                             "2010-7-3", "03072010", " 3-7-2010 "}) {
        EXPECT_EQ(ParseDutchDate(text), kJuly3rd2010) << text;
    }
}

TEST(SearchQueryParseDutchDate, PutsTheDayFirst) {
    EXPECT_EQ(ParseDutchDate("12-07-2010"), (year_month_day{year{2010}, July, day{12}}));
    EXPECT_EQ(ParseDutchDate("12072010"), (year_month_day{year{2010}, July, day{12}}));
    EXPECT_EQ(ParseDutchDate("07-12-2010"), (year_month_day{year{2010}, December, day{7}}));
}

TEST(SearchQueryParseDutchDate, KnowsLeapYears) {
    EXPECT_EQ(ParseDutchDate("29-02-2011"), std::nullopt);
    EXPECT_EQ(ParseDutchDate("29-02-2012"), (year_month_day{year{2012}, February, day{29}}));
    EXPECT_EQ(ParseDutchDate("29021900"), std::nullopt);  // divisible by 100, not by 400
    EXPECT_EQ(ParseDutchDate("2000-02-29"), (year_month_day{year{2000}, February, day{29}}));
}

TEST(SearchQueryParseDutchDate, KeepsToYears1900To2100) {
    EXPECT_EQ(ParseDutchDate("01-01-1900"), (year_month_day{year{1900}, January, day{1}}));
    EXPECT_EQ(ParseDutchDate("31-12-2100"), (year_month_day{year{2100}, December, day{31}}));
    EXPECT_EQ(ParseDutchDate("31-12-1899"), std::nullopt);
    EXPECT_EQ(ParseDutchDate("01-01-2101"), std::nullopt);
}

TEST(SearchQueryParseDutchDate, RefusesImpossibleAndMalformedDates) {
    for (const char* text :
         {"",           "-",          "31-02-2010", "31-04-2010", "3-13-2010",  "0-7-2010",    "3-0-2010",
          "32-1-2010",  "00-00-0000", "3-7-10",     "3-7-02010",  "003-7-2010", "3-7/2010",    "3--7-2010",
          "3-7-2010-1", "-3-7-2010",  "+3-7-2010",  "2010/07/03", "2010.07.03", "2010-07-03T", "31022010",
          "20100703",   "1234567",    "123456789",  "3 7 2010",   "drie-7-2010"}) {
        EXPECT_EQ(ParseDutchDate(text), std::nullopt) << text;
    }
}

// --- FoldName ---------------------------------------------------------------------------------

TEST(SearchQueryFoldName, MakesSofieAndSofieWithDiaeresisEqual) {
    EXPECT_EQ(FoldName("Sofie"), "sofie");
    EXPECT_EQ(FoldName("Sofië"), FoldName("Sofie"));
    EXPECT_EQ(FoldName("SOFIË"), "sofie");
}

TEST(SearchQueryFoldName, LowerCasesAndStripsAccents) {
    EXPECT_EQ(FoldName("ÉLODIE"), "elodie");
    EXPECT_EQ(FoldName("éèêëÈÊË"), "eeeeeee");
    EXPECT_EQ(FoldName("ïÏíìî"), "iiiii");
    EXPECT_EQ(FoldName("öóôòõÖ"), "oooooo");
    EXPECT_EQ(FoldName("üúùûÜ"), "uuuuu");
    EXPECT_EQ(FoldName("åäáàâãÅÄ"), "aaaaaaaa");
    EXPECT_EQ(FoldName("çÇñÑÿŸýÝ"), "ccnnyyyy");
    EXPECT_EQ(FoldName("øØ"), "oo");
}

TEST(SearchQueryFoldName, SpellsOutLigaturesAndSpecialLetters) {
    EXPECT_EQ(FoldName("æÆ"), "aeae");
    EXPECT_EQ(FoldName("œŒ"), "oeoe");
    EXPECT_EQ(FoldName("ß"), "ss");
    EXPECT_EQ(FoldName("ĳsbrand Ĳzerman"), "ijsbrand ijzerman");
    EXPECT_EQ(FoldName("þÞ"), "thth");
    EXPECT_EQ(FoldName("ðÐđĐ"), "dddd");
}

TEST(SearchQueryFoldName, FoldsEasternEuropeanAndTurkishLetters) {
    EXPECT_EQ(FoldName("łŁ"), "ll");
    EXPECT_EQ(FoldName("šŠžŽčČřŘ"), "sszzccrr");
    EXPECT_EQ(FoldName("ğĞşŞıİ"), "ggssii");
    EXPECT_EQ(FoldName("ŞÜKRÜ Yılmaz"), "sukru yilmaz");
    EXPECT_EQ(FoldName("Wojciechowská Łęcka"), "wojciechowska lecka");
    EXPECT_EQ(FoldName("ȘțȚș"), "stts");  // Romanian comma below
    EXPECT_EQ(FoldName("ſ"), "s");
}

TEST(SearchQueryFoldName, KeepsApostrophesAndHyphens) {
    EXPECT_EQ(FoldName("'t Hart"), "'t hart");
    EXPECT_EQ(FoldName("’t Hart"), "’t hart");
    EXPECT_EQ(FoldName("Jansen-de Vries"), "jansen-de vries");
    EXPECT_EQ(FoldName("D'Ancona"), "d'ancona");
}

TEST(SearchQueryFoldName, PassesOtherCharactersThroughUnchanged) {
    EXPECT_EQ(FoldName("Ελένη"), "Ελένη");
    EXPECT_EQ(FoldName("Мария"), "Мария");
    EXPECT_EQ(FoldName("李"), "李");
    EXPECT_EQ(FoldName("×÷µ"), "×÷µ");
    EXPECT_EQ(FoldName("A1 b2 ?!"), "a1 b2 ?!");
    EXPECT_EQ(FoldName(""), "");
}

TEST(SearchQueryFoldName, DropsCombiningAccentsOfDecomposedLetters) {
    EXPECT_EQ(FoldName("Sofie\xcc\x88"), "sofie");  // e + U+0308 COMBINING DIAERESIS
    EXPECT_EQ(FoldName("E\xcc\x81lodie"), "elodie");
}

TEST(SearchQueryFoldName, ReplacesInvalidUtf8SoTheResultIsValid) {
    EXPECT_EQ(FoldName("a\xff"
                       "B"),
              "a\xef\xbf\xbd"
              "b");
    EXPECT_EQ(FoldName("Sof\xc3"), "sof\xef\xbf\xbd");                            // truncated
    EXPECT_EQ(FoldName("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong '/'
    EXPECT_EQ(FoldName("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
    EXPECT_EQ(FoldName("\xf4\x90\x80\x80").size(), 12u);                          // above U+10FFFF
}

TEST(SearchQueryFoldName, IsIdempotent) {
    for (const char* name : {"Sofië", "ÉLODIE", "'t Hart", "Jansen-de Vries", "Ĳsbrand", "Straße", "Ελένη"}) {
        EXPECT_EQ(FoldName(FoldName(name)), FoldName(name)) << name;
    }
}

// --- ParseSearchQuery -------------------------------------------------------------------------

TEST(ParseSearchQuery, FindsAPhoneNumber) {
    auto q = ParseSearchQuery("06-12345678");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->phone, "+31612345678");
    EXPECT_FALSE(q->date);
    EXPECT_TRUE(q->name_terms.empty());
    EXPECT_EQ(q->Kind(), "phone");
}

TEST(ParseSearchQuery, JoinsAPhoneNumberTypedWithSpaces) {
    for (const char* text :
         {"06 1234 5678", "06 12345678", "+31 6 1234 5678", "+31 (0)6 12 34 56 78", "0031 6 12345678"}) {
        auto q = ParseSearchQuery(text);
        ASSERT_TRUE(q.ok()) << text << ": " << q.error().message;
        EXPECT_EQ(q->phone, "+31612345678") << text;
        EXPECT_TRUE(q->name_terms.empty()) << text;
        EXPECT_FALSE(q->date) << text;
    }
    auto landline = ParseSearchQuery("(050) 123 4567");
    ASSERT_TRUE(landline.ok()) << landline.error().message;
    EXPECT_EQ(landline->phone, "+31501234567");
}

TEST(ParseSearchQuery, FindsADate) {
    auto q = ParseSearchQuery("3-7-2010");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->date, kJuly3rd2010);
    EXPECT_FALSE(q->phone);
    EXPECT_TRUE(q->name_terms.empty());
    EXPECT_EQ(q->Kind(), "date");
}

TEST(ParseSearchQuery, FoldsNameTermsInOrder) {
    auto q = ParseSearchQuery("Sofië  van DIJK");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->name_terms, (std::vector<std::string>{"sofie", "van", "dijk"}));
    EXPECT_EQ(q->Kind(), "name");
}

TEST(ParseSearchQuery, SplitsNameAndDate) {
    auto q = ParseSearchQuery("Sofie 3-7-2010");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->date, kJuly3rd2010);
    EXPECT_EQ(q->name_terms, std::vector<std::string>{"sofie"});
    EXPECT_FALSE(q->phone);
    EXPECT_EQ(q->Kind(), "date+name");
}

TEST(ParseSearchQuery, SplitsNameAndPhoneWithSpaces) {
    auto q = ParseSearchQuery("Jansen 06 12345678");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->phone, "+31612345678");
    EXPECT_EQ(q->name_terms, std::vector<std::string>{"jansen"});
    EXPECT_FALSE(q->date);
    EXPECT_EQ(q->Kind(), "phone+name");
}

TEST(ParseSearchQuery, SplitsPhoneDateAndNameInAnyOrder) {
    auto q = ParseSearchQuery("06 1234 5678 3-7-2010, Sofie");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->phone, "+31612345678");
    EXPECT_EQ(q->date, kJuly3rd2010);
    EXPECT_EQ(q->name_terms, std::vector<std::string>{"sofie"});
    EXPECT_EQ(q->Kind(), "phone+date+name");

    auto r = ParseSearchQuery("Sofie,03072010,Bakker");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->date, kJuly3rd2010);
    EXPECT_EQ(r->name_terms, (std::vector<std::string>{"sofie", "bakker"}));
}

TEST(ParseSearchQuery, ReadsEightDigitsAloneAsADateAndAfterAPrefixAsAPhone) {
    auto date = ParseSearchQuery("Sofie 13012010");
    ASSERT_TRUE(date.ok()) << date.error().message;
    EXPECT_EQ(date->date, (year_month_day{year{2010}, January, day{13}}));
    EXPECT_FALSE(date->phone);

    auto phone = ParseSearchQuery("Sofie 06 13012010");
    ASSERT_TRUE(phone.ok()) << phone.error().message;
    EXPECT_EQ(phone->phone, "+31613012010");
    EXPECT_FALSE(phone->date);
}

TEST(ParseSearchQuery, DoesNotSwallowADateIntoAForeignNumber) {
    auto q = ParseSearchQuery("+49 30 1234 3-7-2010");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->date, kJuly3rd2010);
    EXPECT_EQ(q->phone, "+49301234");
}

TEST(ParseSearchQuery, KeepsApostrophesAndHyphensInNames) {
    auto q = ParseSearchQuery("'t Hart Jansen-de Vries");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->name_terms, (std::vector<std::string>{"'t", "hart", "jansen-de", "vries"}));
}

TEST(ParseSearchQuery, TrimsPunctuationAroundNamesAndDropsLonePunctuation) {
    auto q = ParseSearchQuery("(Sofie) Bakker; - ’ ...");
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->name_terms, (std::vector<std::string>{"sofie", "bakker"}));
}

TEST(ParseSearchQuery, SplitsOnAnyWhitespaceControlCharacterAndComma) {
    constexpr char kText[] =
        "Sofie\tvan\xc2\xa0"
        "Dijk\r\nBakker,Smit\0Mulder";  // NBSP and NUL inside
    auto q = ParseSearchQuery(std::string_view(kText, sizeof kText - 1));
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(q->name_terms, (std::vector<std::string>{"sofie", "van", "dijk", "bakker", "smit", "mulder"}));
}

TEST(ParseSearchQuery, RefusesAnEmptyOrBlankQuery) {
    EXPECT_EQ(ErrorOf(""), "query: empty");
    EXPECT_EQ(ErrorOf("   \t "), "query: empty");
    EXPECT_EQ(ErrorOf(" , ,, "), "query: empty");
}

TEST(ParseSearchQuery, RefusesMoreThan200Bytes) {
    EXPECT_TRUE(ParseSearchQuery(std::string(200, 'a')).ok());
    EXPECT_EQ(ErrorOf(std::string(201, 'a')), "query: longer than 200 bytes");
    EXPECT_EQ(ErrorOf(std::string(201, ' ')), "query: longer than 200 bytes");
}

TEST(ParseSearchQuery, RefusesInvalidUtf8) {
    for (const char* text : {"\xff", "Sofie \xff", "Sof\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80"}) {
        EXPECT_EQ(ErrorOf(text), "query: not valid UTF-8") << text;
    }
}

TEST(ParseSearchQuery, RefusesTwoDatesOrTwoPhoneNumbers) {
    EXPECT_EQ(ErrorOf("3-7-2010 4-8-2011"), "query: more than one date");
    EXPECT_EQ(ErrorOf("Sofie 03072010 3-7-2010"), "query: more than one date");
    EXPECT_EQ(ErrorOf("0612345678 0501234567"), "query: more than one phone number");
    EXPECT_EQ(ErrorOf("06 12345678 06 87654321"), "query: more than one phone number");
}

TEST(ParseSearchQuery, RefusesNumbersThatWouldSilentlyFindNobody) {
    EXPECT_EQ(ErrorOf("Sofie 31-02-2010"), "query: not a valid date (day-month-year, years 1900-2100)");
    EXPECT_EQ(ErrorOf("29-02-2011"), "query: not a valid date (day-month-year, years 1900-2100)");
    EXPECT_EQ(ErrorOf("Sofie 2010"), "query: a number that is neither a date of birth nor a phone number");
    EXPECT_EQ(ErrorOf("06-1234567"), "query: a number that is neither a date of birth nor a phone number");
    EXPECT_EQ(ErrorOf("12345678"), "query: a number that is neither a date of birth nor a phone number");
    EXPECT_TRUE(ParseSearchQuery("29-02-2012").ok());
}

TEST(ParseSearchQuery, RefusesPunctuationAlone) {
    EXPECT_EQ(ErrorOf("- ' ’ ()"), "query: nothing searchable");
    EXPECT_EQ(ErrorOf("\xcc\x88"), "query: nothing searchable");  // a lone combining accent
}

TEST(ParseSearchQuery, ErrorMessagesNeverRepeatWhatWasTyped) {
    for (const char* text : {"Sofie 31-02-2010", "0612345678 0501234567", "Sofie 2010", "3-7-2010 4-8-2011"}) {
        std::string message = ErrorOf(text);
        EXPECT_EQ(message.rfind("query: ", 0), 0u) << message;
        EXPECT_EQ(message.find("Sofie"), std::string::npos) << message;
        EXPECT_EQ(message.find("0612345678"), std::string::npos) << message;
        EXPECT_EQ(message.find("2010"), std::string::npos) << message;
    }
}

TEST(SearchQuery, KindNamesThePartsInAFixedOrder) {
    SearchQuery q;
    EXPECT_EQ(q.Kind(), "none");
    q.name_terms = {"sofie"};
    EXPECT_EQ(q.Kind(), "name");
    q.date = kJuly3rd2010;
    EXPECT_EQ(q.Kind(), "date+name");
    q.phone = "+31612345678";
    EXPECT_EQ(q.Kind(), "phone+date+name");
    q.name_terms.clear();
    EXPECT_EQ(q.Kind(), "phone+date");
    q.date.reset();
    EXPECT_EQ(q.Kind(), "phone");
    q.name_terms = {"sofie"};
    EXPECT_EQ(q.Kind(), "phone+name");
}

// --- Arbitrary input --------------------------------------------------------------------------

/// What every answer must satisfy, whatever was typed.
void CheckInvariants(const std::string& input) {
    auto q = ParseSearchQuery(input);
    if (!q.ok()) {
        EXPECT_EQ(q.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(q.error().message.rfind("query: ", 0), 0u) << q.error().message;
        return;
    }
    EXPECT_LE(input.size(), kMaxSearchQueryBytes);
    EXPECT_NE(q->Kind(), "none");
    if (q->phone) {
        EXPECT_EQ(NormalizePhone(*q->phone), q->phone);
    }
    if (q->date) {
        EXPECT_TRUE(q->date->ok());
    }
    for (const auto& term : q->name_terms) {
        EXPECT_FALSE(term.empty());
        EXPECT_TRUE(IsValidUtf8(term));
        EXPECT_EQ(FoldName(term), term);
    }
    EXPECT_TRUE(IsValidUtf8(FoldName(input)));
}

TEST(ParseSearchQuery, HoldsItsInvariantsOnRandomBytes) {
    std::mt19937 rng(20100703);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 220);
    for (int n = 0; n < 20000; ++n) {
        std::string input(length(rng), '\0');
        for (char& c : input) c = static_cast<char>(byte(rng));
        CheckInvariants(input);
        EXPECT_TRUE(IsValidUtf8(FoldName(input)));
        if (HasFailure()) FAIL() << "input #" << n;
    }
}

TEST(ParseSearchQuery, HoldsItsInvariantsOnRandomQueryLikeText) {
    const std::vector<std::string> pieces = {"0", "6", "3", "1", "2",  "9",        "+",   "(",   ")",
                                             "-", ".", "/", " ", ",",  "00",       "31",  "(0)", "Sofie",
                                             "ë", "ĳ", "'", "’", "\t", "\xc2\xa0", "2010"};
    std::mt19937 rng(3072010);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(1, 40);
    for (int n = 0; n < 20000; ++n) {
        std::string input;
        for (int k = count(rng); k > 0; --k) input += pieces[pick(rng)];
        CheckInvariants(input);
        if (HasFailure()) FAIL() << "input: " << input;
    }
}

}  // namespace
}  // namespace spoed::daemon::service
