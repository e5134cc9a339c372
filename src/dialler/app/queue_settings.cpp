#include "dialler/app/queue_settings.hpp"

namespace dialler::app {

QueueSettings QueueSettings::Defaults() {
    QueueSettings s;
    // The lenders with the most and strongest claims come first (0); the rest of the known
    // table sits in between; unknown codes get ScoreWeights::unknown_lender_points.
    s.scoring.lender_points = {
        {"black_horse", 0},
        {"close_brothers_finance", 0},
        {"motonovo", 0},
        {"santander", 1},
        {"vw_finance", 1},
        {"bmw_finance", 1},
        {"barclays", 2},
        {"ford_credit", 2},
        {"stellantis_financial_services", 2},
        {"moneybarn", 3},
        {"rci", 3},
        {"two_four_seven_money", 4},
        {"the_car_finance_company_2007", 4},
        {"placeholder", 8},
    };
    s.gate.windows = domain::CallingWindows::Defaults();
    s.gate.windows.close_bank_holidays = true;
    return s;
}

}  // namespace dialler::app
