using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Providers;

public class ProviderGeneratorTests
{
    private static readonly SeedCatalog Seeds = SeedCatalog.Default;

    private static Provider[] Make(int seed, int count, Action<ProviderOptions>? configure = null, long start = 0)
    {
        var options = new ProviderOptions { Seed = seed };
        configure?.Invoke(options);
        return new ProviderGenerator(Seeds, options).Generate(start, count).ToArray();
    }

    [Fact]
    public void Ids_npis_and_emails_are_unique_over_many_records()
    {
        var providers = Make(7, 20000);
        Assert.Equal(providers.Length, providers.Select(p => p.Id).Distinct().Count());
        Assert.Equal(providers.Length, providers.Select(p => p.Npi).Distinct().Count());
        Assert.Equal(providers.Length, providers.Select(p => p.Email).Distinct().Count());
    }

    [Fact]
    public void Every_npi_has_ten_digits_and_a_valid_check_digit()
    {
        Assert.All(Make(11, 3000), p => Assert.True(Npi.IsValid(p.Npi), p.Npi));
    }

    [Fact]
    public void Ids_have_the_form_dr_last_specialty_number_in_ascii()
    {
        var providers = Make(3, 500);
        for (var i = 0; i < providers.Length; i++)
        {
            var provider = providers[i];
            var specialty = Seeds.FindSpecialty(provider.Specialty)!;
            var last = AsciiFolding.Fold(provider.LastName);
            Assert.Equal($"dr_{last}_{specialty.Slug}_{i + 1:D2}", provider.Id);
            Assert.Matches("^dr_[a-z]+_[a-z0-9_]+_[0-9]{2,}$", provider.Id);
        }
    }

    [Fact]
    public void Emails_are_ascii_on_documentation_domains_and_built_from_the_name()
    {
        Assert.All(Make(4, 500), p =>
        {
            Assert.Matches("^[a-z]+\\.[a-z]+\\.[0-9]{2,}@example\\.(com|org|net)$", p.Email);
            Assert.StartsWith(AsciiFolding.Fold(p.FirstName) + "." + AsciiFolding.Fold(p.LastName) + ".", p.Email);
        });
    }

    [Fact]
    public void Clinic_city_state_zip_area_code_and_offset_agree()
    {
        Assert.All(Make(5, 1000), p =>
        {
            var city = Seeds.Cities.Single(c => c.City == p.Clinic.City && c.State == p.Clinic.State);
            Assert.Matches("^[0-9]{5}$", p.Clinic.Zip);
            Assert.StartsWith(city.ZipPrefix, p.Clinic.Zip);
            Assert.Matches($"^{city.AreaCode}-555-01[0-9]{{2}}$", p.Phone);
            Assert.Equal(city.UtcOffset, p.Clinic.UtcOffset);
            Assert.False(string.IsNullOrWhiteSpace(p.Clinic.Name));
            Assert.False(string.IsNullOrWhiteSpace(p.Clinic.AddressLine1));
        });
    }

    [Fact]
    public void Providers_at_the_same_clinic_share_its_address_and_phone()
    {
        var clinics = Make(6, 20000, o => o.States = new[] { "VT" })
            .GroupBy(p => p.Clinic.Name + "|" + p.Clinic.City)
            .Where(g => g.Count() > 1)
            .ToArray();
        Assert.NotEmpty(clinics);
        Assert.All(clinics, clinic =>
        {
            Assert.Single(clinic.Select(p => p.Clinic.AddressLine1 + "|" + p.Clinic.Zip + "|" + p.Phone).Distinct());
        });
    }

    [Fact]
    public void Schedules_have_four_or_five_days_sensible_hours_and_slots_that_fit_the_specialty()
    {
        Assert.All(Make(8, 3000), p =>
        {
            var schedule = p.Schedule;
            var specialty = Seeds.FindSpecialty(p.Specialty)!;
            Assert.InRange(schedule.Days.Length, 4, 5);
            Assert.Equal(schedule.Days.Length, schedule.Days.Distinct().Count());
            Assert.DoesNotContain(DayOfWeek.Sunday, schedule.Days);
            Assert.InRange(schedule.Start, TimeSpan.FromHours(7), TimeSpan.FromHours(9));
            Assert.InRange(schedule.End, TimeSpan.FromHours(15), TimeSpan.FromHours(18));
            Assert.Contains(schedule.SlotMinutes, new[] { 15, 20, 30 });
            Assert.Contains(schedule.SlotMinutes, specialty.SlotLengths);
            Assert.True(schedule.SlotMinutes <= specialty.ShortestAppointmentMinutes);
            Assert.Equal(0, (int)(schedule.End - schedule.Start).TotalMinutes % schedule.SlotMinutes);
            Assert.All(specialty.AppointmentTypes, t => Assert.Equal(0, t.DurationMinutes % schedule.SlotMinutes));
        });
    }

    [Fact]
    public void Only_urgent_care_opens_on_saturday()
    {
        var providers = Make(9, 3000);
        Assert.All(providers.Where(p => p.Schedule.Days.Contains(DayOfWeek.Saturday)),
            p => Assert.Equal("Urgent Care", p.Specialty));
        Assert.Contains(providers, p => p.Schedule.Days.Contains(DayOfWeek.Saturday));
    }

    [Fact]
    public void Most_providers_accept_new_patients_and_all_speak_english_first()
    {
        var providers = Make(10, 3000);
        var accepting = providers.Count(p => p.AcceptingNewPatients) / (double)providers.Length;
        Assert.InRange(accepting, 0.75, 0.95);
        Assert.All(providers, p =>
        {
            Assert.Equal("English", p.Languages[0]);
            Assert.InRange(p.Languages.Length, 1, 3);
            Assert.Equal(p.Languages.Length, p.Languages.Distinct().Count());
        });
        Assert.Contains(providers, p => p.Languages.Contains("Spanish"));
    }

    [Fact]
    public void Nurse_practitioners_and_physician_assistants_work_only_in_primary_or_urgent_care()
    {
        var providers = Make(12, 3000);
        var advanced = providers.Where(p => p.Credential == Credential.NP || p.Credential == Credential.PA).ToArray();
        Assert.NotEmpty(advanced);
        Assert.All(advanced, p => Assert.True(p.IsPrimaryCare || p.Specialty == "Urgent Care", p.Specialty));
        Assert.True(providers.Count(p => p.Credential == Credential.MD || p.Credential == Credential.DO)
            > providers.Length * 0.8);
    }

    [Fact]
    public void The_primary_care_flag_follows_the_specialty()
    {
        Assert.All(Make(13, 1000), p => Assert.Equal(Seeds.FindSpecialty(p.Specialty)!.IsPrimaryCare, p.IsPrimaryCare));
    }

    [Fact]
    public void The_same_seed_gives_the_same_providers_and_another_seed_different_ones()
    {
        var first = Make(42, 200).Select(PatientText.Canonical).ToArray();
        var again = Make(42, 200).Select(PatientText.Canonical).ToArray();
        var other = Make(43, 200).Select(PatientText.Canonical).ToArray();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_short_run_is_a_prefix_of_a_long_one_and_shards_join_into_one_run()
    {
        var whole = Make(21, 300).Select(PatientText.Canonical).ToArray();
        Assert.Equal(whole.Take(10), Make(21, 10).Select(PatientText.Canonical));
        var joined = Make(21, 120).Concat(Make(21, 180, start: 120)).Select(PatientText.Canonical);
        Assert.Equal(whole, joined);
    }

    [Fact]
    public void A_record_made_alone_equals_the_same_record_made_in_a_run()
    {
        var generator = new ProviderGenerator(Seeds, new ProviderOptions { Seed = -5 });
        var run = generator.Generate(0, 50).ToArray();
        Assert.Equal(PatientText.Canonical(run[37]), PatientText.Canonical(generator.Generate(37)));
    }

    [Fact]
    public void A_specialty_filter_by_name_or_slug_keeps_only_those_specialties()
    {
        var providers = Make(14, 500, o => o.Specialties = new[] { "cardiology", "Family Medicine", "OBGYN" });
        Assert.All(providers, p =>
            Assert.Contains(p.Specialty, new[] { "Cardiology", "Family Medicine", "Obstetrics and Gynecology" }));
        Assert.Equal(3, providers.Select(p => p.Specialty).Distinct().Count());
    }

    [Fact]
    public void About_forty_percent_are_primary_care_by_default()
    {
        var share = Make(15, 5000).Count(p => p.IsPrimaryCare) / 5000.0;
        const double Expected = ProviderOptions.DefaultPrimaryCareShare;
        Assert.InRange(share, Expected - 0.03, Expected + 0.03);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void The_primary_care_share_sets_the_share_of_primary_care_providers(double share)
    {
        var providers = Make(16, 4000, o => o.PrimaryCareShare = share);
        var actual = providers.Count(p => p.IsPrimaryCare) / (double)providers.Length;
        Assert.InRange(actual, share - 0.03, share + 0.03);
        if (share == 0 || share == 1)
        {
            Assert.All(providers, p => Assert.Equal(share == 1, p.IsPrimaryCare));
        }
    }

    [Fact]
    public void A_share_of_one_gives_the_same_records_as_a_filter_to_the_primary_care_specialties()
    {
        var primaryCare = Seeds.Specialties.Where(s => s.IsPrimaryCare).Select(s => s.Name).Reverse().ToArray();
        var byShare = Make(17, 100, o => o.PrimaryCareShare = 1).Select(PatientText.Canonical);
        var byFilter = Make(17, 100, o => o.Specialties = primaryCare).Select(PatientText.Canonical);
        Assert.Equal(byShare, byFilter);
    }

    [Fact]
    public void A_filter_to_one_group_needs_no_share()
    {
        Assert.All(Make(18, 100, o => o.Specialties = new[] { "Pediatrics" }),
            p => Assert.Equal("Pediatrics", p.Specialty));
        Assert.All(Make(18, 100, o => o.Specialties = new[] { "Urology" }), p => Assert.Equal("Urology", p.Specialty));
    }

    [Fact]
    public void A_state_filter_keeps_clinics_in_those_states()
    {
        Assert.All(Make(19, 300, o => o.States = new[] { "tx", "Ohio" }),
            p => Assert.Contains(p.Clinic.State, new[] { "TX", "OH" }));
    }

    [Fact]
    public void An_unknown_specialty_is_refused_with_its_name_and_the_known_ones()
    {
        var error = Assert.Throws<InvalidOptionException>(() =>
            Make(1, 1, o => o.Specialties = new[] { "Cardiology", "Astrology" }));
        Assert.Equal(nameof(ProviderOptions.Specialties), error.Option);
        Assert.Equal("Astrology", error.Value);
        Assert.Contains("'Astrology'", error.Message);
        Assert.Contains("Family Medicine", error.Message);
        Assert.Contains("Dermatology", error.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_primary_care_share_outside_zero_to_one_is_refused(double share)
    {
        var error = Assert.Throws<InvalidOptionException>(() => Make(1, 1, o => o.PrimaryCareShare = share));
        Assert.Equal(nameof(ProviderOptions.PrimaryCareShare), error.Option);
        Assert.Contains("expected a number from 0 to 1", error.Message);
    }

    [Fact]
    public void A_share_that_the_specialty_filter_cannot_meet_is_refused()
    {
        var none = Assert.Throws<InvalidOptionException>(() =>
            Make(1, 1, o => { o.Specialties = new[] { "Cardiology" }; o.PrimaryCareShare = 1; }));
        Assert.Equal(nameof(ProviderOptions.PrimaryCareShare), none.Option);
        Assert.Contains("Cardiology", none.Message);
        var all = Assert.Throws<InvalidOptionException>(() =>
            Make(1, 1, o => { o.Specialties = new[] { "Pediatrics" }; o.PrimaryCareShare = 0.5; }));
        Assert.Equal(nameof(ProviderOptions.PrimaryCareShare), all.Option);
    }

    [Fact]
    public void An_unknown_state_is_refused()
    {
        var error = Assert.Throws<InvalidOptionException>(() => Make(1, 1, o => o.States = new[] { "Atlantis" }));
        Assert.Equal(nameof(ProviderOptions.States), error.Option);
    }

    [Fact]
    public void A_negative_index_is_refused()
    {
        var generator = new ProviderGenerator(Seeds, new ProviderOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(-1));
    }
}
