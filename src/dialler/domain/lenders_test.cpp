#include "dialler/domain/lenders.hpp"

#include <gtest/gtest.h>

namespace dialler::domain {
namespace {

TEST(LenderNames, MapsKnownCodesFromCsvAndTitleCasesTheRest) {
    const auto names = LenderNames::FromCsv(
        "code,display_name\nblack_horse,Black Horse\nplaceholder,Various Lenders\n"
    );
    EXPECT_EQ(names.Size(), 2U);
    EXPECT_EQ(names.DisplayName("black_horse"), "Black Horse");
    EXPECT_EQ(names.DisplayName(" Black_Horse "), "Black Horse");
    EXPECT_EQ(names.DisplayName("placeholder"), "Various Lenders");
    EXPECT_EQ(names.DisplayName("acme_motor_credit"), "Acme Motor Credit");
    EXPECT_EQ(names.DisplayName(""), "Unknown lender");
}

TEST(TitleCaseCode, CollapsesSeparators) {
    EXPECT_EQ(TitleCaseCode("the_car_finance_company_2007"), "The Car Finance Company 2007");
    EXPECT_EQ(TitleCaseCode("__x--y__"), "X Y");
}

}  // namespace
}  // namespace dialler::domain
