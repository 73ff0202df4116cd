using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Generates providers. Record i is a pure function of the seed, the options and i: it reads no clock, no culture
/// and no shared random state, so any record can be made alone, in any order, on any machine.
/// </summary>
/// <remarks>
/// A provider's clinic address and phone number are drawn from the clinic's own stream, keyed by its name and
/// city, so providers who share a clinic share its address.
/// </remarks>
public sealed class ProviderGenerator
{
    private static readonly DayOfWeek[] Weekdays =
        { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    private static readonly DayOfWeek[] WeekdaysAndSaturday = Weekdays.Concat(new[] { DayOfWeek.Saturday }).ToArray();

    private static readonly TimeSpan EarliestEnd = TimeSpan.FromHours(15);

    private static readonly TimeSpan LatestEnd = TimeSpan.FromHours(18);

    private readonly SeedCatalog _seeds;
    private readonly ProviderOptions _options;
    private readonly SpecialtySeed[] _primaryCare;
    private readonly SpecialtySeed[] _others;
    private readonly double _primaryCareShare;
    private readonly IReadOnlyList<CitySeed> _cities;
    private readonly KeyedPermutation _npis;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="InvalidOptionException">The options cannot be met.</exception>
    public ProviderGenerator(SeedCatalog seeds, ProviderOptions options)
    {
        options.Validate(seeds);
        _seeds = seeds;
        _options = options;
        Specialties = options.AllowedSpecialties(seeds);
        _primaryCare = Specialties.Where(s => s.IsPrimaryCare).ToArray();
        _others = Specialties.Where(s => !s.IsPrimaryCare).ToArray();
        _primaryCareShare = options.PrimaryCareShare ?? ProviderOptions.DefaultPrimaryCareShare;
        var states = new HashSet<string>(options.States.Select(s => seeds.FindState(s)!), StringComparer.Ordinal);
        _cities = states.Count == 0 ? seeds.Cities : seeds.Cities.Where(c => states.Contains(c.State)).ToArray();
        _npis = new KeyedPermutation(Npi.BodyCount, options.Seed, RecordKind.ProviderNpi);
    }

    /// <summary>The specialties this generator draws from, in the order of the seeds.</summary>
    public IReadOnlyList<SpecialtySeed> Specialties { get; }

    /// <summary>The number of providers that can be made before two of them share an NPI.</summary>
    public static long UniqueNpiCount => Npi.BodyCount;

    /// <summary>Generates records <paramref name="start"/> to <paramref name="start"/> + count - 1, lazily.</summary>
    public IEnumerable<Provider> Generate(long start, long count)
    {
        for (var i = start; i - start < count; i++)
        {
            yield return Generate(i);
        }
    }

    /// <summary>Generates record <paramref name="index"/> of the stream.</summary>
    public Provider Generate(long index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Expected a record index of 0 or more.");
        }

        var random = new RecordRandom(_options.Seed, RecordKind.Provider, index);
        var specialty = PickSpecialty(ref random);
        var first = random.Pick(random.Chance(0.5) ? _seeds.FemaleFirstNames : _seeds.MaleFirstNames);
        var last = random.Pick(_seeds.LastNames);
        var credential = PickCredential(ref random, specialty);
        var number = (index + 1).ToString("D2", CultureInfo.InvariantCulture);
        var clinic = MakeClinic(ref random, specialty, out var phone);
        var domain = random.Pick(PatientOptions.DocumentationDomains);
        return new Provider
        {
            Id = "dr_" + last.Ascii + "_" + specialty.Slug + "_" + number,
            FirstName = first.Text,
            LastName = last.Text,
            Credential = credential,
            Specialty = specialty.Name,
            IsPrimaryCare = specialty.IsPrimaryCare,
            Npi = Npi.FromBody(Npi.FirstBody + (long)_npis.Map((ulong)index)),
            Clinic = clinic,
            Phone = phone,
            Email = first.Ascii + "." + last.Ascii + "." + number + "@" + domain,
            Schedule = MakeSchedule(ref random, specialty),
            AcceptingNewPatients = random.Chance(0.85),
            Languages = PickLanguages(ref random),
        };
    }

    /// <summary>
    /// Draws the group (primary care or not) and then a specialty within it by weight. Both draws are always made,
    /// so a run limited to one group gives the same records as an unlimited run whose share selects that group.
    /// </summary>
    private SpecialtySeed PickSpecialty(ref RecordRandom random)
    {
        var coin = random.NextDouble();
        var group = _primaryCare.Length == 0 ? _others
            : _others.Length == 0 ? _primaryCare
            : coin < _primaryCareShare ? _primaryCare : _others;
        var total = group.Sum(s => s.Weight);
        var draw = random.NextDouble() * total;
        foreach (var specialty in group)
        {
            draw -= specialty.Weight;
            if (draw < 0)
            {
                return specialty;
            }
        }

        return group[group.Length - 1];
    }

    /// <summary>Physicians mostly; nurse practitioners and physician assistants in primary and urgent care.</summary>
    private static Credential PickCredential(ref RecordRandom random, SpecialtySeed specialty)
    {
        var draw = random.Next(100);
        if (specialty.IsPrimaryCare || specialty.VisitCategory == VisitCategory.UrgentCare)
        {
            return draw < 66 ? Credential.MD : draw < 80 ? Credential.DO : draw < 92 ? Credential.NP : Credential.PA;
        }

        return draw < 84 ? Credential.MD : Credential.DO;
    }

    private Clinic MakeClinic(ref RecordRandom random, SpecialtySeed specialty, out string phone)
    {
        var city = random.Pick(_cities);
        var name = random.Pick(_seeds.ClinicPlaces) + " " + random.Pick(specialty.ClinicWords);
        if (random.Chance(0.6))
        {
            name += " " + random.Pick(_seeds.ClinicSuffixes);
        }

        var own = new RecordRandom(_options.Seed, RecordKind.Clinic, StableHash(name + "\n" + city.City + "\n"
            + city.State));
        var line1 = Invariant(own.Between(10, 9899)) + " " + own.Pick(_seeds.StreetNames) + " "
            + own.Pick(_seeds.StreetSuffixes);
        if (own.Chance(0.5))
        {
            line1 += ", Suite " + Invariant(own.Between(1, 4) * 100 + own.Between(0, 40));
        }

        phone = city.AreaCode + "-555-01" + own.Next(100).ToString("D2", CultureInfo.InvariantCulture);
        return new Clinic
        {
            Name = name,
            AddressLine1 = line1,
            City = city.City,
            State = city.State,
            Zip = city.ZipPrefix + own.Next(100).ToString("D2", CultureInfo.InvariantCulture),
            UtcOffset = city.UtcOffset,
        };
    }

    /// <summary>
    /// Four or five working days (urgent care may open on Saturday), a start from 07:00 to 09:00 and an end from
    /// 15:00 to 18:00, cut into slots that divide every appointment duration of the specialty.
    /// </summary>
    private static WeeklySchedule MakeSchedule(ref RecordRandom random, SpecialtySeed specialty)
    {
        var days = new List<DayOfWeek>(
            specialty.VisitCategory == VisitCategory.UrgentCare && random.Chance(0.5) ? WeekdaysAndSaturday : Weekdays);
        var workingDays = random.Chance(0.7) ? 5 : 4;
        while (days.Count > workingDays)
        {
            days.RemoveAt(random.Next(days.Count));
        }

        var start = TimeSpan.FromMinutes(7 * 60 + 30 * random.Next(5));
        var slot = random.Pick(specialty.SlotLengths);
        return new WeeklySchedule
        {
            Days = days.ToArray(),
            Start = start,
            End = PickEnd(ref random, start, slot),
            SlotMinutes = slot,
        };
    }

    /// <summary>
    /// An end that leaves a whole number of slots, preferring ends on the hour or half hour within 15:00 to 18:00,
    /// and else the first whole slot at or after 15:00.
    /// </summary>
    private static TimeSpan PickEnd(ref RecordRandom random, TimeSpan start, int slot)
    {
        var ends = new List<TimeSpan>();
        var length = TimeSpan.FromMinutes(slot);
        var first = start + TimeSpan.FromTicks(
            (long)Math.Ceiling((EarliestEnd - start).Ticks / (double)length.Ticks) * length.Ticks);
        for (var end = first; end <= LatestEnd; end += length)
        {
            ends.Add(end);
        }

        var tidy = ends.Where(e => e.Minutes % 30 == 0).ToList();
        return tidy.Count > 0 ? random.Pick(tidy) : ends.Count > 0 ? random.Pick(ends) : first;
    }

    /// <summary>English, and each other seeded language with its share, at most two of them.</summary>
    private string[] PickLanguages(ref RecordRandom random)
    {
        var languages = new List<string> { "English" };
        foreach (var language in _seeds.Languages)
        {
            if (random.Chance(language.Share) && languages.Count < 3)
            {
                languages.Add(language.Name);
            }
        }

        return languages.ToArray();
    }

    /// <summary>A 64-bit FNV-1a hash of the text, the same on every platform and in every process.</summary>
    private static long StableHash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return unchecked((long)hash);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
