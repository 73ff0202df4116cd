using System;
using System.Linq;
using HealthMock.Api;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>
/// Cost estimates against amounts worked out by hand from the default visit cost table: primary care 150,
/// specialist 275, telehealth 90.
/// </summary>
public class CostEstimateTests
{
    private static readonly DateTime Visit = new DateTime(2026, 2, 10);

    private static InsurancePolicy Hdhp(decimal deductibleMet, decimal outOfPocketMet = 0m)
    {
        var policy = FrontDeskSample.Create().Policies.Single(p => p.PolicyNumber == "POL-000004");
        policy.DeductibleMet = deductibleMet;
        policy.OutOfPocketMet = Math.Max(deductibleMet, outOfPocketMet);
        return policy;
    }

    private static InsurancePolicy Ppo() =>
        FrontDeskSample.Create().Policies.Single(p => p.PolicyNumber == "POL-000001");

    [Fact]
    public void A_copay_plan_charges_only_the_copay_and_leaves_the_deductible_untouched()
    {
        var estimate = CostEstimator.Estimate("sara_doe_4821", Ppo(), VisitCategory.Specialist, Visit);

        Assert.True(estimate.PolicyActive);
        Assert.Equal(275m, estimate.AllowedAmount);
        Assert.Equal(50m, estimate.Copay);
        Assert.Equal(50m, estimate.CopayApplied);
        Assert.Equal(0m, estimate.DeductibleApplied);
        Assert.Equal(879.75m, estimate.DeductibleRemaining);
        Assert.Equal(5119.75m, estimate.OutOfPocketRemaining);
        Assert.Equal(50m, estimate.PatientShare);
        Assert.Equal(225m, estimate.PlanShare);
    }

    [Fact]
    public void An_hdhp_before_the_deductible_charges_the_whole_allowed_amount()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(0m), VisitCategory.PrimaryCare, Visit);

        Assert.Equal(150m, estimate.DeductibleApplied);
        Assert.Equal(0m, estimate.CopayApplied);
        Assert.Equal(150m, estimate.PatientShare);
        Assert.Equal(0m, estimate.PlanShare);
    }

    [Fact]
    public void An_hdhp_with_the_deductible_partly_met_charges_the_rest_of_the_deductible_then_the_copay()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(2900m), VisitCategory.Specialist, Visit);

        Assert.Equal(100m, estimate.DeductibleRemaining);
        Assert.Equal(100m, estimate.DeductibleApplied);
        Assert.Equal(60m, estimate.CopayApplied);
        Assert.Equal(160m, estimate.PatientShare);
        Assert.Equal(115m, estimate.PlanShare);
    }

    [Fact]
    public void An_hdhp_without_a_copay_for_the_category_charges_coinsurance_after_the_deductible()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(2950m), VisitCategory.Telehealth, Visit);

        Assert.Equal(50m, estimate.DeductibleApplied);
        Assert.Equal(12m, estimate.CoinsuranceApplied);
        Assert.Equal(62m, estimate.PatientShare);
        Assert.Equal(28m, estimate.PlanShare);
    }

    [Fact]
    public void An_hdhp_with_the_deductible_met_charges_the_copay()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(3000m), VisitCategory.PrimaryCare, Visit);

        Assert.Equal(0m, estimate.DeductibleApplied);
        Assert.Equal(30m, estimate.PatientShare);
    }

    [Fact]
    public void The_share_is_capped_at_what_is_left_of_the_out_of_pocket_maximum()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(0m, 6920m), VisitCategory.PrimaryCare, Visit);

        Assert.Equal(80m, estimate.OutOfPocketRemaining);
        Assert.Equal(80m, estimate.PatientShare);
        Assert.Equal(70m, estimate.PlanShare);
        Assert.Contains(estimate.Lines, l => l.Description.Contains("Capped") && l.Amount == 80m);
    }

    [Fact]
    public void An_expired_policy_makes_the_visit_self_pay()
    {
        var policy = FrontDeskSample.Create().Policies.Single(p => p.PolicyNumber == "POL-000005");

        var estimate = CostEstimator.Estimate("eve_long_0500", policy, VisitCategory.PrimaryCare, Visit);

        Assert.False(estimate.PolicyActive);
        Assert.Equal("POL-000005", estimate.PolicyNumber);
        Assert.Null(estimate.Copay);
        Assert.Equal(150m, estimate.PatientShare);
        Assert.Equal(0m, estimate.PlanShare);
        Assert.Contains(estimate.Lines,
            l => l.Description.Contains("2025-06-30") && l.Description.Contains("self-pay"));
    }

    [Fact]
    public void A_patient_without_a_policy_pays_the_allowed_amount()
    {
        var estimate = CostEstimator.Estimate("max_ray_0099", null, VisitCategory.Specialist, Visit);

        Assert.Null(estimate.PolicyNumber);
        Assert.Equal(275m, estimate.PatientShare);
    }

    [Fact]
    public void Every_estimate_explains_itself_and_ends_with_the_two_shares()
    {
        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(2900m), VisitCategory.Specialist, Visit);
        var lines = estimate.Lines.Select(l => l.ToString()).ToList();

        Assert.StartsWith("Allowed amount of a specialist visit", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Policy POL-000004", StringComparison.Ordinal));
        Assert.Equal("The patient's estimated share: 160.00", lines[^2]);
        Assert.Equal("The plan's estimated share: 115.00", lines[^1]);
    }

    [Fact]
    public void A_policy_requiring_referrals_says_so_for_a_specialist_visit()
    {
        var policy = Ppo();
        policy.RequiresReferral = true;

        var estimate = CostEstimator.Estimate("sara_doe_4821", policy, VisitCategory.Specialist, Visit);

        Assert.True(estimate.ReferralRequired);
        Assert.Contains(estimate.Lines, l => l.Description.Contains("referral"));
    }

    [Fact]
    public void The_service_prices_an_appointment_at_its_own_category_and_date()
    {
        var service = new FrontDeskService(FrontDeskSample.Create());

        var estimate = service.EstimateVisitCost(new CostEstimateRequest
        {
            PatientId = "sara_doe_4821",
            AppointmentId = "apt_000002",
        });

        Assert.Equal("apt_000002", estimate.AppointmentId);
        Assert.Equal("dr_roy_cardiology_03", estimate.ProviderId);
        Assert.Equal(VisitCategory.Specialist, estimate.VisitCategory);
        Assert.Equal(new DateTime(2026, 1, 20), estimate.Date);
        Assert.Equal(50m, estimate.PatientShare);
    }

    [Fact]
    public void The_service_prices_a_provider_s_appointment_type_or_a_category_on_the_current_date()
    {
        var service = new FrontDeskService(FrontDeskSample.Create());

        var byType = service.EstimateVisitCost(new CostEstimateRequest
        {
            PatientId = "tom_hill_0042",
            ProviderId = "dr_lee_family_medicine_01",
            AppointmentType = "telehealth visit",
        });
        var byCategory = service.EstimateVisitCost(new CostEstimateRequest
        {
            PatientId = "eve_long_0500",
            VisitCategory = VisitCategory.UrgentCare,
            Date = new DateTime(2025, 3, 1),
        });

        Assert.Equal(VisitCategory.Telehealth, byType.VisitCategory);
        Assert.Equal("Telehealth Visit", byType.AppointmentType);
        Assert.Equal(FrontDeskSample.ReferenceDate, byType.Date);
        Assert.Equal(90m, byType.PatientShare);
        Assert.True(byCategory.PolicyActive);
        Assert.Equal(75m, byCategory.PatientShare);
    }

    [Fact]
    public void The_service_refuses_a_request_that_does_not_say_which_visit_or_says_it_twice()
    {
        var service = new FrontDeskService(FrontDeskSample.Create());

        FrontDeskErrorCode Refusal(CostEstimateRequest request) =>
            Assert.Throws<FrontDeskException>(() => service.EstimateVisitCost(request)).Code;

        Assert.Equal(FrontDeskErrorCode.InvalidArgument,
            Refusal(new CostEstimateRequest { PatientId = "tom_hill_0042" }));
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Refusal(new CostEstimateRequest
        {
            PatientId = "tom_hill_0042",
            AppointmentId = "apt_000002",
        }));
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Refusal(new CostEstimateRequest
        {
            PatientId = "sara_doe_4821",
            AppointmentId = "apt_000002",
            VisitCategory = VisitCategory.Specialist,
        }));
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Refusal(new CostEstimateRequest
        {
            PatientId = "tom_hill_0042",
            ProviderId = "dr_roy_cardiology_03",
            AppointmentType = "Follow-up",
            VisitCategory = VisitCategory.PrimaryCare,
        }));
        Assert.Equal(FrontDeskErrorCode.TypeNotOffered, Refusal(new CostEstimateRequest
        {
            PatientId = "tom_hill_0042",
            ProviderId = "dr_roy_cardiology_03",
            AppointmentType = "Well-Child Visit",
        }));
    }

    [Fact]
    public void A_custom_cost_table_changes_the_allowed_amount()
    {
        var table = new VisitCostTable { Specialist = 400m };

        var estimate = CostEstimator.Estimate("tom_hill_0042", Hdhp(0m), VisitCategory.Specialist, Visit, table);

        Assert.Equal(400m, estimate.PatientShare);
    }
}
