using System;

namespace HealthMock;

/// <summary>A mock clinician who can be a primary care provider and who takes appointments.</summary>
public sealed class Provider
{
    /// <summary>The readable, stable id: dr_last_specialty_NN.</summary>
    public string Id { get; set; } = "";

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = "";

    /// <summary>The professional credential.</summary>
    public Credential Credential { get; set; }

    /// <summary>The specialty, as named in the seeds (for example Cardiology).</summary>
    public string Specialty { get; set; } = "";

    /// <summary>Whether the specialty is a primary care one (primary care, family medicine, pediatrics, ...).</summary>
    public bool IsPrimaryCare { get; set; }

    /// <summary>The ten-digit National Provider Identifier, with a valid check digit.</summary>
    public string Npi { get; set; } = "";

    /// <summary>The clinic where the provider practises.</summary>
    public Clinic Clinic { get; set; } = new Clinic();

    /// <summary>The clinic telephone number, on the fictional 555-01XX lines.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The provider's email address, on a documentation domain.</summary>
    public string Email { get; set; } = "";

    /// <summary>When the provider sees patients.</summary>
    public WeeklySchedule Schedule { get; set; } = new WeeklySchedule();

    /// <summary>Whether the provider accepts new patients.</summary>
    public bool AcceptingNewPatients { get; set; }

    /// <summary>The languages the provider consults in.</summary>
    public string[] Languages { get; set; } = Array.Empty<string>();

    /// <summary>The name shown to patients, such as "Dr. Ana Núñez, MD".</summary>
    public string DisplayName =>
        (Credential == Credential.MD || Credential == Credential.DO ? "Dr. " : "") + FirstName + " " + LastName + ", "
        + Credential;

    /// <summary>Returns the id.</summary>
    public override string ToString() => Id;
}
