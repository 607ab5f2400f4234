import PDFDocument from 'pdfkit';
import type { DbOrTx } from '../../platform/db/client.ts';
import { ageOn, todayInLondon } from '../../platform/dates/index.ts';
import { findPhoto, householdPeople } from './queries.ts';
import { type HouseholdRecord } from './scope.ts';

/**
 * The carer profile for children: who lives in the household (first names only; ages of the
 * children), pets, what they like doing, the house and the photo. Shown as a printable page
 * and as a PDF a social worker can send before a placement.
 */
export interface CarerProfile {
  householdName: string;
  carers: string[];
  adults: string[];
  children: { firstName: string; age: number }[];
  about: string | null;
  likes: string | null;
  home: string | null;
  pets: string | null;
  hasPhoto: boolean;
}

export async function carerProfile(db: DbOrTx, household: HouseholdRecord): Promise<CarerProfile> {
  const people = await householdPeople(db, household.id);
  const today = todayInLondon();
  const children: CarerProfile['children'] = [];
  const adults: string[] = [];
  // Those living there now: a member who has left is not part of the household a child will meet.
  for (const member of people.members.filter((m) => m.leftOn === null)) {
    const age = member.dateOfBirth && member.dateOfBirth <= today ? ageOn(member.dateOfBirth, today) : null;
    if (age !== null && age < 18) children.push({ firstName: member.firstName, age });
    else adults.push(member.firstName);
  }
  return {
    householdName: household.name,
    carers: people.carers.filter((c) => c.leftOn === null).map((c) => c.firstName),
    adults,
    children,
    about: household.profileAbout,
    likes: household.profileLikes,
    home: household.profileHome,
    pets: household.pets,
    hasPhoto: household.hasPhoto,
  };
}

/** "Ann and Bob", "Ann, Bob and Cy": names the way a child would read them. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function childrenText(children: CarerProfile['children']): string {
  return joinNames(children.map((c) => `${c.firstName} (${c.age === 1 ? '1 year old' : `${c.age} years old`})`));
}

/** Photos pdfkit can draw (it reads JPEG and PNG; a WebP photo is left out of the PDF with a note). */
const drawable = new Set(['image/jpeg', 'image/png']);

/** The profile as a PDF, photo included. */
export async function carerProfilePdf(db: DbOrTx, profile: CarerProfile, householdId: string): Promise<Buffer> {
  const photo = profile.hasPhoto ? await findPhoto(db, householdId) : null;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Meet the ${profile.householdName} household`, Author: 'Hearth fostering service' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(24).text(`Meet the ${profile.householdName} household`);
  doc.moveDown(0.5);
  if (photo && drawable.has(photo.contentType)) {
    try {
      doc.image(photo.bytes, { fit: [480, 300] });
      doc.moveDown(0.5);
    } catch {
      doc.font('Helvetica').fontSize(11).text('(The photo could not be added to this PDF.)');
    }
  } else if (photo) {
    doc.font('Helvetica').fontSize(11).text('(The household’s photo is on the profile page in Hearth.)');
  }
  const section = (heading: string, body: string | null) => {
    if (!body) return;
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(16).text(heading);
    doc.moveDown(0.2);
    doc.font('Helvetica').fontSize(12).text(body);
  };
  section('Who lives here', whoLivesHereText(profile));
  section('About us', profile.about);
  section('What we like doing', profile.likes);
  section('Our home', profile.home);
  section('Pets', profile.pets);
  doc.end();
  return finished;
}

export function whoLivesHereText(profile: CarerProfile): string {
  const lines: string[] = [];
  if (profile.carers.length) lines.push(`Your foster carers: ${joinNames(profile.carers)}.`);
  if (profile.children.length) lines.push(`Children: ${childrenText(profile.children)}.`);
  if (profile.adults.length) lines.push(`Also living here: ${joinNames(profile.adults)}.`);
  return lines.join('\n');
}
