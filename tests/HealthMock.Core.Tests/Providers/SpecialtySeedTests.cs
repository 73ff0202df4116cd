using System;
using System.IO;
using System.Linq;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Providers;

public class SpecialtySeedTests
{
    private static readonly string[] DesignTypes =
    {
        "Consultation", "Routine Check-up", "Follow-up", "Sick Visit", "Specialist Consultation", "Telehealth Visit",
        "Urgent Care",
    };

    private readonly SeedCatalog _seeds = SeedCatalog.Default;

    [Fact]
    public void Primary_care_family_medicine_and_pediatrics_are_primary_care_specialties()
    {
        foreach (var name in new[] { "Primary Care", "Family Medicine", "Pediatrics" })
        {
            var specialty = _seeds.FindSpecialty(name);
            Assert.NotNull(specialty);
            Assert.True(specialty!.IsPrimaryCare, name);
            Assert.Equal(VisitCategory.PrimaryCare, specialty.VisitCategory);
        }
    }

    [Fact]
    public void Pediatrics_sees_only_minors_and_family_medicine_sees_every_age()
    {
        var pediatrics = _seeds.FindSpecialty("pediatrics")!;
        Assert.Equal((0, 17), (pediatrics.MinAge, pediatrics.MaxAge));
        var family = _seeds.FindSpecialty("Family Medicine")!;
        Assert.Equal((0, 120), (family.MinAge, family.MaxAge));
    }

    [Fact]
    public void There_are_at_least_a_dozen_specialist_fields()
    {
        var specialists = _seeds.Specialties.Where(s => s.VisitCategory == VisitCategory.Specialist).ToArray();
        Assert.True(specialists.Length >= 12, $"Only {specialists.Length} specialist fields.");
        Assert.All(specialists, s => Assert.False(s.IsPrimaryCare));
        foreach (var name in new[]
        {
            "Cardiology", "Dermatology", "Endocrinology", "Gastroenterology", "Neurology", "Obstetrics and Gynecology",
            "Ophthalmology", "Orthopedics", "Psychiatry", "Pulmonology", "Rheumatology", "Urology", "Oncology",
            "Allergy and Immunology",
        })
        {
            Assert.NotNull(_seeds.FindSpecialty(name));
        }
    }

    [Fact]
    public void Every_design_appointment_type_is_offered_by_some_specialty()
    {
        var offered = _seeds.Specialties.SelectMany(s => s.AppointmentTypes).Select(t => t.Name).ToHashSet();
        Assert.All(DesignTypes, type => Assert.Contains(type, offered));
    }

    [Fact]
    public void Every_specialty_has_reasons_clinic_words_and_types_that_fill_whole_slots()
    {
        foreach (var specialty in _seeds.Specialties)
        {
            Assert.NotEmpty(specialty.VisitReasons);
            Assert.NotEmpty(specialty.ClinicWords);
            Assert.NotEmpty(specialty.AppointmentTypes);
            Assert.NotEmpty(specialty.SlotLengths);
            Assert.All(specialty.SlotLengths, slot =>
            {
                Assert.Contains(slot, new[] { 15, 20, 30 });
                Assert.True(slot <= specialty.ShortestAppointmentMinutes);
                Assert.All(specialty.AppointmentTypes, t => Assert.Equal(0, t.DurationMinutes % slot));
            });
            Assert.All(specialty.AppointmentTypes, type =>
            {
                Assert.NotEmpty(type.Reasons);
                Assert.NotEmpty(type.Modes);
                Assert.InRange(type.MinAge, specialty.MinAge, type.MaxAge);
                Assert.InRange(type.MaxAge, type.MinAge, specialty.MaxAge);
            });
        }
    }

    [Fact]
    public void Telehealth_visits_are_telehealth_only_and_billed_as_telehealth()
    {
        var visits = _seeds.Specialties.SelectMany(s => s.AppointmentTypes).Where(t => t.Name == "Telehealth Visit");
        Assert.All(visits, visit =>
        {
            Assert.Equal(new[] { AppointmentMode.Telehealth }, visit.Modes);
            Assert.Equal(VisitCategory.Telehealth, visit.VisitCategory);
        });
    }

    [Fact]
    public void Urgent_care_is_billed_as_urgent_care_and_is_not_primary_care()
    {
        var urgent = _seeds.FindSpecialty("Urgent Care")!;
        Assert.False(urgent.IsPrimaryCare);
        Assert.Equal(VisitCategory.UrgentCare, urgent.VisitCategory);
    }

    [Fact]
    public void Specialties_are_found_by_name_or_slug_ignoring_case()
    {
        Assert.Same(_seeds.FindSpecialty("Family Medicine"), _seeds.FindSpecialty(" family_MEDICINE "));
        Assert.Null(_seeds.FindSpecialty("Astrology"));
    }

    [Fact]
    public void A_specialty_limited_to_one_sex_still_sees_patients_of_other_or_unknown_sex()
    {
        var obgyn = _seeds.FindSpecialty("obgyn")!;
        Assert.True(obgyn.Serves(30, Sex.Female));
        Assert.False(obgyn.Serves(30, Sex.Male));
        Assert.True(obgyn.Serves(30, Sex.Unknown));
        Assert.False(obgyn.Serves(8, Sex.Female));
    }

    [Fact]
    public void Every_city_has_a_standard_time_utc_offset()
    {
        Assert.All(_seeds.Cities, city => Assert.Matches(@"^[+-]\d\d:\d\d$", city.UtcOffset));
        Assert.Equal("-05:00", _seeds.Cities.First(c => c.City == "Boston").UtcOffset);
        Assert.Equal("-08:00", _seeds.Cities.First(c => c.City == "Seattle").UtcOffset);
    }

    [Fact]
    public void Clinic_seeds_and_languages_are_loaded()
    {
        Assert.NotEmpty(_seeds.ClinicPlaces);
        Assert.NotEmpty(_seeds.ClinicSuffixes);
        Assert.Contains(_seeds.Languages, l => l.Name == "Spanish");
        Assert.DoesNotContain(_seeds.Languages, l => l.Name == "English");
    }

    [Fact]
    public void A_specialties_file_with_a_bad_field_is_reported_with_its_file_and_field()
    {
        var folder = Path.Combine(Path.GetTempPath(), "healthmock-specialties-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "specialties.json"),
                "{ \"specialties\": [ { \"name\": \"Cardiology\", \"slug\": \"Cardio Logy\" } ] }");
            var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(folder));
            Assert.EndsWith("specialties.json", error.File);
            Assert.Equal("$.specialties[0].slug", error.Field);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
