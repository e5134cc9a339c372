#include "dialler/base/strong_id.hpp"

#include <type_traits>
#include <unordered_set>

#include <gtest/gtest.h>

namespace dialler {
namespace {

using FooId = StrongId<struct FooTag>;
using BarId = StrongId<struct BarTag>;

TEST(StrongId, DoesNotConvertBetweenKinds) {
    static_assert(!std::is_convertible_v<FooId, BarId>);
    static_assert(!std::is_convertible_v<std::int64_t, FooId>);
    EXPECT_EQ(FooId{7}.Value(), 7);
}

TEST(StrongId, PrintsLargeIdsExactly) {
    EXPECT_EQ(FooId{9007199254740993}.ToString(), "9007199254740993");
}

TEST(StrongId, OrdersAndHashes) {
    EXPECT_LT(FooId{1}, FooId{2});
    std::unordered_set<FooId> set{FooId{1}, FooId{1}, FooId{2}};
    EXPECT_EQ(set.size(), 2U);
}

}  // namespace
}  // namespace dialler
