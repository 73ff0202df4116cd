using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Datasets;

namespace HealthMock.Api;

/// <summary>
/// The operations of the HTTP service as tools: a name, a description and a JSON Schema of the arguments, usable
/// as function definitions by an agent harness, and the call that runs each one on a <see cref="FrontDeskService"/>.
/// The resource routes call the same tools.
/// </summary>
internal static class ApiTools
{
    private static readonly IReadOnlyList<ApiTool> Tools = Build().ToList();

    private static readonly Dictionary<string, ApiTool> ByName =
        Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every tool, in the order GET /tools lists them.</summary>
    public static IReadOnlyList<ApiTool> All => Tools;

    /// <summary>Returns the tool named <paramref name="name"/>, or throws unknown_tool listing the names.</summary>
    public static ApiTool Find(string name) =>
        ByName.TryGetValue(name, out var tool)
            ? tool
            : throw new FrontDeskException(FrontDeskErrorCode.UnknownTool,
                $"There is no tool named '{name}'; expected one of {string.Join(", ", ByName.Keys)}.", name);

    private static IEnumerable<ApiTool> Build()
    {
        yield return new ApiTool("find_patient_by_email",
            "Find the one patient whose email address matches (ignoring case) and return the patient's details.",
            new[] { Arg("email", Text("The patient's email address."), required: true) },
            (service, a) => DatasetWriter.ToRecord(service.FindPatientByEmail(a.RequiredString("email"))));

        yield return new ApiTool("find_patient_by_name_dob",
            "Find the one patient with this first name, last name and date of birth and return the patient's "
            + "details. Names match ignoring case, and ignoring accents when nothing matches with them.",
            new[]
            {
                Arg("first_name", Text("The patient's first name."), required: true),
                Arg("last_name", Text("The patient's last name."), required: true),
                Arg("dob", Text("The date of birth, YYYY-MM-DD.", "date"), required: true),
            },
            (service, a) => DatasetWriter.ToRecord(service.FindPatientByNameAndDateOfBirth(a.RequiredString("first_name"),
                a.RequiredString("last_name"), a.Date("dob") ?? throw Missing("dob"))));

        yield return new ApiTool("get_patient_details",
            "Return a patient's details: contact, address, primary care provider, insurance, conditions, allergies "
            + "and medications.",
            new[] { Arg("patient_id", Text("The patient's id, such as sara_doe_4821."), required: true) },
            (service, a) => DatasetWriter.ToRecord(service.GetPatient(a.RequiredString("patient_id"))));

        yield return new ApiTool("get_provider_details",
            "Return a provider's details: specialty, clinic, weekly schedule, languages and whether they accept new "
            + "patients.",
            new[] { Arg("provider_id", Text("The provider's id."), required: true) },
            (service, a) => DatasetWriter.ToRecord(service.GetProvider(a.RequiredString("provider_id"))));

        yield return new ApiTool("get_appointment_details",
            "Return an appointment's details: patient, provider, type, start, status, copay and, when canceled, the "
            + "reason and date.",
            new[] { Arg("appointment_id", Text("The appointment's id, such as apt_000123."), required: true) },
            (service, a) => DatasetWriter.ToRecord(service.GetAppointment(a.RequiredString("appointment_id"))));

        yield return new ApiTool("get_insurance_details",
            "Return an insurance policy: payer, plan, period and status, deductible and out-of-pocket amounts, "
            + "copays by visit category and coinsurance. Give patient_id for the patient's policy, or "
            + "policy_number.",
            new[]
            {
                Arg("patient_id", Text("The patient whose policy to return."), required: false),
                Arg("policy_number", Text("The policy number, instead of patient_id."), required: false),
            },
            InsuranceDetails);

        yield return new ApiTool("list_patient_appointments",
            "List a patient's appointments by start time, optionally only those with a status.",
            new[]
            {
                Arg("patient_id", Text("The patient's id."), required: true),
                Arg("status", Text("Only appointments with this status; several may be separated by commas.",
                    values: ToolArguments.Spellings<AppointmentStatus>()), required: false),
            },
            ListAppointments);

        yield return new ApiTool("list_providers",
            "List the providers, optionally only one specialty and only those accepting new patients.",
            new[]
            {
                Arg("specialty", Text("A specialty such as Family Medicine or Cardiology."), required: false),
                Arg("accepting_new_patients", Flag("true for only providers accepting new patients, false for only "
                    + "those who are not."), required: false),
            },
            ListProviders);

        yield return new ApiTool("list_available_slots",
            "List a provider's free slots between two dates (clinic-local, both included, at most 62 days): starts "
            + "on the provider's weekly schedule after the current time that no active appointment overlaps. With "
            + "appointment_type, only starts where a whole appointment of that type fits; with patient_id, only "
            + "starts the patient is free at too.",
            new[]
            {
                Arg("provider_id", Text("The provider's id."), required: true),
                Arg("from", Text("The first date, YYYY-MM-DD; the current date when left out.", "date"),
                    required: false),
                Arg("to", Text("The last date, YYYY-MM-DD; six days after 'from' when left out.", "date"),
                    required: false),
                Arg("appointment_type", Text("An appointment type the provider offers, such as Follow-up."),
                    required: false),
                Arg("patient_id", Text("The patient to check the slots for."), required: false),
            },
            ListSlots);

        yield return new ApiTool("schedule_appointment",
            "Book an appointment. The start must be a free slot on the provider's schedule after the current time; "
            + "neither the provider nor the patient may have an overlapping active appointment; the appointment type "
            + "must be one the provider's specialty offers to a patient of this age and sex; a provider not accepting "
            + "new patients books only patients they already see. Returns the new appointment, scheduled, with the "
            + "copay of the patient's policy.",
            new[]
            {
                Arg("patient_id", Text("The patient's id."), required: true),
                Arg("provider_id", Text("The provider's id."), required: true),
                Arg("start", Text("The start: YYYY-MM-DDTHH:MM in the clinic's local time, or with a UTC offset "
                    + "such as 2026-03-02T09:00:00-05:00."), required: true),
                Arg("appointment_type", Text("An appointment type the provider offers, such as Follow-up."),
                    required: true),
                Arg("mode", Text("in_person or telehealth; the type's first mode when left out.",
                    values: ToolArguments.Spellings<AppointmentMode>()), required: false),
                Arg("reason", Text("The reason for the visit, at most 200 characters."), required: false),
            },
            Schedule);

        yield return new ApiTool("reschedule_appointment",
            "Move a scheduled or confirmed appointment that has not started to a new start: books a new appointment "
            + "with the same patient, provider and type under every rule of schedule_appointment, and cancels the "
            + "old one with the reason rescheduled, as one change. Returns both.",
            new[]
            {
                Arg("appointment_id", Text("The appointment to move."), required: true),
                Arg("start", Text("The new start: YYYY-MM-DDTHH:MM in the clinic's local time, or with a UTC "
                    + "offset."), required: true),
            },
            (service, a) => new RescheduleResponse(service.RescheduleAppointment(a.RequiredString("appointment_id"),
                a.Time("start"))));

        yield return new ApiTool("cancel_appointment",
            "Cancel a scheduled or confirmed appointment that has not started, with a reason from the fixed list. "
            + "Returns the canceled appointment.",
            new[]
            {
                Arg("appointment_id", Text("The appointment to cancel."), required: true),
                Arg("reason", Text("Why it is canceled.", values: CancellationReasons.All), required: true),
            },
            (service, a) => DatasetWriter.ToRecord(service.CancelAppointment(a.RequiredString("appointment_id"),
                a.RequiredString("reason"))));

        yield return new ApiTool("estimate_visit_cost",
            "Estimate what a visit will cost the patient under the insurance policy in force on its date: the "
            + "allowed amount, copay, deductible left, coinsurance and the patient's share, explained line by line. "
            + "Give appointment_id for one of the patient's appointments, or visit_category, or provider_id with "
            + "appointment_type, and optionally a date.",
            new[]
            {
                Arg("patient_id", Text("The patient's id."), required: true),
                Arg("appointment_id", Text("One of the patient's appointments."), required: false),
                Arg("visit_category", Text("The visit category.", values: ToolArguments.Spellings<VisitCategory>()),
                    required: false),
                Arg("provider_id", Text("A provider, with appointment_type."), required: false),
                Arg("appointment_type", Text("An appointment type the provider offers."), required: false),
                Arg("date", Text("The date of the visit, YYYY-MM-DD; the current date when left out.", "date"),
                    required: false),
            },
            (service, a) => new CostEstimateResponse(service.EstimateVisitCost(new CostEstimateRequest
            {
                PatientId = a.RequiredString("patient_id"),
                AppointmentId = a.String("appointment_id"),
                VisitCategory = a.Enum<VisitCategory>("visit_category"),
                ProviderId = a.String("provider_id"),
                AppointmentType = a.String("appointment_type"),
                Date = a.Date("date"),
            })));
    }

    private static object InsuranceDetails(FrontDeskService service, ToolArguments a)
    {
        var patientId = a.String("patient_id");
        var number = a.String("policy_number");
        if ((patientId is null) == (number is null))
        {
            throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                "Expected exactly one of patient_id and policy_number.");
        }

        return DatasetWriter.ToRecord(number is null
            ? service.GetPatientInsurance(patientId!)
            : service.GetInsurancePolicy(number));
    }

    private static object ListAppointments(FrontDeskService service, ToolArguments a)
    {
        var statuses = a.EnumList<AppointmentStatus>("status");
        var appointments = service.ListPatientAppointments(a.RequiredString("patient_id"), statuses);
        return new AppointmentListResponse
        {
            PatientId = a.RequiredString("patient_id").Trim(),
            Status = statuses.Count == 0 ? null : statuses,
            Appointments = appointments.Select(DatasetWriter.ToRecord).ToList(),
        };
    }

    private static object ListProviders(FrontDeskService service, ToolArguments a)
    {
        var specialty = a.String("specialty");
        var accepting = a.Bool("accepting_new_patients");
        return new ProviderListResponse
        {
            Specialty = specialty,
            AcceptingNewPatients = accepting,
            Providers = service.ListProviders(specialty, accepting).Select(DatasetWriter.ToRecord).ToList(),
        };
    }

    private static object ListSlots(FrontDeskService service, ToolArguments a)
    {
        var providerId = a.RequiredString("provider_id").Trim();
        var from = a.Date("from") ?? service.CurrentDate();
        var to = a.Date("to") ?? from.AddDays(6);
        var type = a.String("appointment_type");
        var patient = a.String("patient_id");
        var slots = service.ListAvailableSlots(providerId, from, to, type, patient);
        return new SlotListResponse
        {
            ProviderId = providerId,
            From = DatasetWriter.FormatDate(from),
            To = DatasetWriter.FormatDate(to),
            AppointmentType = slots.Count > 0 ? slots[0].AppointmentType : type,
            PatientId = patient,
            Slots = slots.Select(s => new SlotRecord(s)).ToList(),
        };
    }

    private static object Schedule(FrontDeskService service, ToolArguments a) =>
        DatasetWriter.ToRecord(service.ScheduleAppointment(new AppointmentRequest
        {
            PatientId = a.RequiredString("patient_id"),
            ProviderId = a.RequiredString("provider_id"),
            Start = a.Time("start"),
            AppointmentType = a.RequiredString("appointment_type"),
            Mode = a.Enum<AppointmentMode>("mode"),
            Reason = a.String("reason"),
        }));

    private static FrontDeskException Missing(string name) =>
        new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
            $"The argument '{name}' is missing or empty; expected a value.", name);

    private static (string Name, Dictionary<string, object?> Schema, bool Required) Arg(string name,
        Dictionary<string, object?> schema, bool required) => (name, schema, required);

    private static Dictionary<string, object?> Text(string description, string? format = null,
        IReadOnlyList<string>? values = null)
    {
        var schema = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "string",
            ["description"] = description,
        };
        if (format is not null)
        {
            schema["format"] = format;
        }

        if (values is not null)
        {
            schema["enum"] = values;
        }

        return schema;
    }

    private static Dictionary<string, object?> Flag(string description) =>
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "boolean",
            ["description"] = description,
        };
}

/// <summary>One tool: its name, description, JSON Schema of arguments and the call that runs it.</summary>
internal sealed class ApiTool
{
    private readonly Func<FrontDeskService, ToolArguments, object> _run;

    public ApiTool(string name, string description,
        IReadOnlyList<(string Name, Dictionary<string, object?> Schema, bool Required)> arguments,
        Func<FrontDeskService, ToolArguments, object> run)
    {
        Name = name;
        Description = description;
        _run = run;
        ArgumentNames = arguments.Select(a => a.Name).ToList();
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            properties[argument.Name] = argument.Schema;
        }

        Schema = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = arguments.Where(a => a.Required).Select(a => a.Name).ToList(),
            ["additionalProperties"] = false,
        };
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The JSON Schema of the arguments object.</summary>
    public Dictionary<string, object?> Schema { get; }

    public IReadOnlyList<string> ArgumentNames { get; }

    /// <summary>Runs the tool after refusing any argument it does not take.</summary>
    public object Invoke(FrontDeskService service, ToolArguments arguments)
    {
        arguments.CheckNames(Name, ArgumentNames);
        return _run(service, arguments);
    }

    public ToolDescription Describe() => new ToolDescription
    {
        Name = Name,
        Description = Description,
        Parameters = Schema,
    };
}
