using System;

namespace HealthMock;

/// <summary>
/// A mock patient. Property names are PascalCase; Export-Json writes their snake_case forms, and Export-MockDataset
/// writes users.json with the field names of the benchmark (dob for the date of birth) beside the richer ones.
/// </summary>
public sealed class Patient
{
    /// <summary>The readable, stable id: first_last_NNNN in lower-case ASCII.</summary>
    public string Id { get; set; } = "";

    /// <summary>The first name as written, possibly with accents or apostrophes.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>The last name as written, possibly with accents or apostrophes.</summary>
    public string LastName { get; set; } = "";

    /// <summary>The sex recorded for administrative purposes.</summary>
    public Sex Sex { get; set; }

    /// <summary>The date of birth (a date without time).</summary>
    public DateTime DateOfBirth { get; set; }

    /// <summary>The age in whole years at the reference date.</summary>
    public int Age { get; set; }

    /// <summary>The email address, derived from the name, on a documentation domain by default.</summary>
    public string Email { get; set; } = "";

    /// <summary>The telephone number, on the fictional 555-01XX lines of the city's area code.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The whole postal address on one line, as the benchmark's users.json had it.</summary>
    public string Address { get; set; } = "";

    /// <summary>The street address.</summary>
    public string AddressLine1 { get; set; } = "";

    /// <summary>The apartment, unit or suite, when there is one.</summary>
    public string? AddressLine2 { get; set; }

    /// <summary>The city.</summary>
    public string City { get; set; } = "";

    /// <summary>The two-letter state code.</summary>
    public string State { get; set; } = "";

    /// <summary>The five-digit ZIP code; its first three digits belong to the city.</summary>
    public string Zip { get; set; } = "";

    /// <summary>How the patient prefers to be contacted.</summary>
    public ContactMethod PreferredContactMethod { get; set; }

    /// <summary>The id of the patient's primary care provider.</summary>
    public string? PrimaryCareProviderId { get; set; }

    /// <summary>The primary care provider's display name, as the benchmark's users.json had it.</summary>
    public string? PrimaryCareProvider { get; set; }

    /// <summary>The number of the patient's insurance policy, when they carry one.</summary>
    public string? InsurancePolicyNumber { get; set; }

    /// <summary>The payer of the patient's policy.</summary>
    public string? InsuranceProvider { get; set; }

    /// <summary>The plan type of the patient's policy, such as PPO.</summary>
    public string? CoverageType { get; set; }

    /// <summary>The part of the policy's deductible still to be met.</summary>
    public decimal? DeductibleBalance { get; set; }

    /// <summary>Chronic conditions that fit the patient's age and sex.</summary>
    public Condition[] ChronicConditions { get; set; } = Array.Empty<Condition>();

    /// <summary>Allergies.</summary>
    public string[] Allergies { get; set; } = Array.Empty<string>();

    /// <summary>Medications, each treating one of the patient's chronic conditions.</summary>
    public Medication[] Medications { get; set; } = Array.Empty<Medication>();

    /// <summary>The person to call in an emergency.</summary>
    public EmergencyContact? EmergencyContact { get; set; }

    /// <summary>The date the patient's account was created, between birth and the reference date.</summary>
    public DateTime AccountCreationDate { get; set; }

    /// <summary>Returns the id.</summary>
    public override string ToString() => Id;
}
