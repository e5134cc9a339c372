#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "dialler/app/contact_log.hpp"
#include "dialler/app/customer_evaluation.hpp"
#include "dialler/app/discovery_store.hpp"
#include "dialler/app/job_lease_store.hpp"
#include "dialler/app/lead_store.hpp"
#include "dialler/app/phone_parser.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/replica.hpp"
#include "dialler/app/suppression_store.hpp"
#include "dialler/base/error.hpp"
#include "dialler/domain/eligibility.hpp"
#include "dialler/domain/lenders.hpp"

namespace dialler::app {

// Keeps the leads in step with the replica (product.md §3): a full reconcile over every user id
// in batches, or an incremental run over what changed since the watermark. One instance at a time
// (a job lease), never disturbing a leased lead, recording conversions and the run history.
// Keeps references to every port. Thread-safe (runs are serialised by the lease); blocking.
class DiscoveryService final : public EvaluationSink {
public:
    struct Ports {
        Replica& replica;
        LeadStore& leads;
        SuppressionStore& suppressions;
        DiscoveryStore& runs;
        ContactLog& contacts;
        JobLeaseStore& leases;
        const PhoneParser& phones;
        const SettingsProvider& settings;
        const domain::LenderNames& lenders;
        const Clock& clock;
    };

    DiscoveryService(Ports ports, std::string holder, int batch_size = 2000);

    // Runs a full reconcile. Errors: kFailedPrecondition when another instance holds the
    // discovery lease. Infrastructure faults are recorded in the run and rethrown.
    Result<DiscoveryRun> RunFull();
    // Runs an incremental pass (a full one if there is no watermark yet).
    Result<DiscoveryRun> RunIncremental();
    // Stores evaluations made outside a run (pre-call validation found a customer changed):
    // the leads, and the conversions with their credited agents, exactly as a run would.
    // Returns the ids skipped because they are leased, or an outcome changed them since they
    // were read (LeadEvaluation::based_on_version).
    std::vector<domain::UserId> StoreEvaluations(std::vector<CustomerEvaluation> evaluations
    ) override;

    // Evaluates these customers now, outside a run, and stores the results as a run would (a
    // suppression added or lifted shows in the queues at once). Customers missing from the
    // replica are left to the next full run. Blocking (reads the replica).
    void Reevaluate(std::span<const domain::UserId> ids) override;

    // The most recent runs, newest first (support views).
    std::vector<DiscoveryRun> RecentRuns(int limit) { return ports_.runs.RecentRuns(limit); }

    // Re-scores every open lead from its stored score facts and history, without reading the
    // replica, when the score weights or lender importance changed since the last time (a
    // fingerprint kept as the job's marker; the first call only records it). Under the
    // discovery lease, so it never interleaves with a run; an outcome since a lead was read
    // wins. Returns how many leads got a new score. Errors: kFailedPrecondition when another
    // instance holds the discovery lease. Leads scored before facts were kept wait for the
    // next discovery run.
    Result<long long> RescoreIfWeightsChanged();

    // Asks a running pass to stop after its current batch (shutdown); the run is recorded as
    // failed with error "stopped" and the next run starts over. Thread-safe.
    void RequestStop() { stop_ = true; }

private:
    Result<DiscoveryRun> Run(bool full);
    void RunFullBody(DiscoveryRun& run, const QueueSettings& settings);
    void RunIncrementalBody(DiscoveryRun& run, const QueueSettings& settings);
    struct Stored {
        std::vector<domain::UserId> skipped;
        long long conversions = 0;
    };
    Stored Store(
        std::vector<CustomerEvaluation> evaluations, const QueueSettings& settings, Timestamp now
    );
    // One batch read and made ready for evaluation: the replica's records, their stored leads
    // (`stored[i]` points into `existing`, or is null) and their phones.
    struct Batch {
        std::vector<domain::CustomerRecord> records;
        std::vector<Lead> existing;
        std::vector<const Lead*> stored;
        std::vector<std::optional<domain::PhoneNumber>> phones;
    };
    // Pairs records with their leads and parses the phones (on several threads). Touches no
    // state of the service, so it can run ahead of ProcessBatch.
    Batch Prepare(std::vector<domain::CustomerRecord> records, std::vector<Lead> existing) const;
    // Reads these customers and their leads, then evaluates and stores them as one batch.
    void ProcessIds(
        std::span<const domain::UserId> ids, const QueueSettings& settings, DiscoveryRun& run
    );
    // Evaluates and stores one batch; returns the ids present in the replica.
    std::vector<domain::UserId> ProcessBatch(
        Batch batch, const QueueSettings& settings, DiscoveryRun& run
    );

    void ThrowIfStopping() const;

    Ports ports_;
    std::string holder_;
    int batch_size_;
    std::size_t parse_threads_;
    std::atomic<bool> stop_{false};
};

}  // namespace dialler::app
