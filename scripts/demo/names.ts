/**
 * Word lists the demo builds its made-up people and places from: common first names and
 * surnames combined at random (so nobody real is described), generic street names, and Kent
 * towns with postcode districts only (the inward code is made up).
 */

/** A list from space-separated words (keeps long lists short on the page). */
function words(text: string): readonly string[] {
  return text.split(' ');
}

export const womensNames = words(
  'Amanda Amy Angela Anna Bethany Carol Caroline Catherine Charlotte Chloe Claire Deborah Donna Elaine ' +
    'Eleanor Elizabeth Emily Emma Fatima Fiona Gemma Grace Hannah Hayley Helen Jacqueline Jane Janet ' +
    'Jennifer Jessica Joanne Julie Karen Katie Kelly Kerry Laura Leanne Linda Lisa Louise Lucy Mandy ' +
    'Maria Michelle Natalie Nicola Nisha Olivia Paula Priya Rachel Rebecca Ruth Sadia Samantha Sandra ' +
    'Sarah Sharon Sophie Stephanie Susan Tracey Victoria Wendy Yvonne Zoe Abena Agnieszka Aisha',
);

export const mensNames = words(
  'Aaron Adam Alan Andrew Anthony Arjun Ben Brian Carl Chris Colin Craig Daniel Darren David Dean Emeka ' +
    'Gareth Gary Graham Hassan Ian Imran James Jason Jonathan Keith Kevin Kofi Lee Liam Mark Martin ' +
    'Matthew Michael Mohammed Neil Nicholas Paul Peter Philip Piotr Raj Richard Robert Ryan Scott Sean ' +
    'Simon Stephen Steven Stuart Terry Thomas Tim Tony Wayne William Yusuf Dominic',
);

export const girlsNames = words(
  'Amelia Ava Bella Chloe Daisy Eden Ella Ellie Emily Erin Evie Freya Grace Harper Holly Imogen Isla ' +
    'Ivy Jasmine Jessica Kayla Lacey Layla Leah Lily Lola Maisie Maya Mia Millie Molly Nevaeh Olivia ' +
    'Phoebe Poppy Rosie Ruby Sienna Skye Sofia Summer Tia Willow Zara Amira Hana Nadia Precious Zuzanna ' +
    'Esme',
);

export const boysNames = words(
  'Alfie Archie Arlo Bailey Caleb Charlie Connor Dylan Ethan Finley Freddie George Harley Harrison ' +
    'Harry Henry Isaac Jack Jacob Jake Jayden Joshua Kai Kian Leo Lewis Logan Louie Mason Max Noah Oliver ' +
    'Ollie Oscar Reggie Riley Ronnie Rory Sonny Stanley Teddy Theo Toby Tommy Tyler Zach Ahmed Ibrahim ' +
    'Kacper Tariq',
);

export const surnames = words(
  'Adams Ahmed Ali Allen Anderson Appiah Atkinson Bailey Baker Barker Barnes Bell Bennett Brooks Brown ' +
    'Butler Campbell Carter Chapman Clarke Cole Collins Cook Cooper Cox Davies Dawson Dixon Edwards Ellis ' +
    'Evans Fisher Fletcher Foster Fox Gibson Graham Grant Gray Green Griffiths Hall Harris Harrison Hart ' +
    'Hayes Hill Holmes Hughes Hunt Hussain Jackson James Jenkins Johnson Jones Kaur Kelly Kennedy Khan ' +
    'King Knight Kowalski Lee Lewis Lloyd Marshall Martin Mason Matthews Mensah Miah Miller Mills ' +
    'Mitchell Moore Morgan Morris Murphy Murray Nowak Okafor Owen Palmer Parker Patel Pearce Phillips ' +
    'Powell Price Reid Richards Richardson Roberts Robinson Rogers Rose Russell Saunders Scott Shah Shaw ' +
    'Simpson Singh Smith Spencer Stevens Stewart Taylor Thomas Thompson Turner Walker Wallace Ward Watson ' +
    'Webb Wells West White Williams Wilson Wood Wright Young Osei Begum Chowdhury Dempsey Quinn',
);

export const streets = [
  'Orchard Lane',
  'Station Road',
  'Church Street',
  'Mill Road',
  'The Green',
  'High Street',
  'Park Avenue',
  'Victoria Road',
  'London Road',
  'Queens Road',
  'Kings Road',
  'Manor Way',
  'Chestnut Close',
  'Willow Drive',
  'Oak Avenue',
  'Beech Grove',
  'Hop Garden Way',
  'Cherry Tree Road',
  'Meadow View',
  'School Lane',
  'Coastguard Cottages',
  'Harbour Street',
  'Cliff Road',
  'Marine Parade',
  'Downs Road',
  'Ashdown Close',
  'Elm Road',
  'Hawthorn Avenue',
  'Nelson Road',
  'Albert Street',
  'Castle Road',
  'Bramley Way',
  'Foxglove Close',
  'Kingfisher Drive',
  'Lavender Walk',
  'Oast Court',
  'Pilgrims Way',
  'Priory Road',
  'Rectory Lane',
  'Sandown Road',
  'Seymour Place',
  'Springfield Road',
  'Sycamore Crescent',
  'Tanners Hill',
];

/** Towns of each fostering team's patch, with postcode districts (outward codes only). */
export const teamTowns: Record<string, readonly (readonly [string, readonly string[]])[]> = {
  'East Kent Fostering Team 1': [
    ['Canterbury', ['CT1', 'CT2']],
    ['Whitstable', ['CT5']],
    ['Herne Bay', ['CT6']],
    ['Margate', ['CT9']],
    ['Broadstairs', ['CT10']],
    ['Ramsgate', ['CT11', 'CT12']],
  ],
  'East Kent Fostering Team 2': [
    ['Dover', ['CT16', 'CT17']],
    ['Deal', ['CT14']],
    ['Folkestone', ['CT19', 'CT20']],
    ['Hythe', ['CT21']],
    ['Ashford', ['TN23', 'TN24', 'TN25']],
  ],
  'West Kent Fostering Team 1': [
    ['Maidstone', ['ME14', 'ME15', 'ME16']],
    ['Tonbridge', ['TN9', 'TN10', 'TN11']],
    ['Paddock Wood', ['TN12']],
  ],
  'West Kent Fostering Team 2': [
    ['Tunbridge Wells', ['TN1', 'TN2', 'TN4']],
    ['Sevenoaks', ['TN13', 'TN14', 'TN15']],
    ['Edenbridge', ['TN8']],
  ],
  'North Kent Fostering Team 1': [
    ['Dartford', ['DA1', 'DA2']],
    ['Gravesend', ['DA11', 'DA12']],
    ['Swanscombe', ['DA10']],
    ['Longfield', ['DA3']],
  ],
  'North Kent Fostering Team 2': [
    ['Sittingbourne', ['ME9', 'ME10']],
    ['Sheerness', ['ME12']],
    ['Faversham', ['ME13']],
  ],
};

/** Letters used in real inward codes (no C, I, K, M, O, V). */
export const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

export const ethnicityWeights: readonly (readonly [string, number])[] = [
  ['White: English, Welsh, Scottish, Northern Irish or British', 66],
  ['White: any other White background', 5],
  ['White: Irish', 1],
  ['White: Gypsy or Irish Traveller', 1],
  ['Mixed or multiple: White and Black Caribbean', 5],
  ['Mixed or multiple: White and Black African', 2],
  ['Mixed or multiple: White and Asian', 2],
  ['Mixed or multiple: any other mixed background', 3],
  ['Black, Black British, Caribbean or African: African', 5],
  ['Black, Black British, Caribbean or African: Caribbean', 1],
  ['Asian or Asian British: any other Asian background', 2],
  ['Asian or Asian British: Pakistani', 1],
  ['Other ethnic group: Arab', 2],
  ['Other ethnic group: any other ethnic group', 2],
  ['Not known', 2],
];

export const profileAbout = [
  'We are a busy, friendly family who love having a full house.',
  'We have fostered for several years and enjoy helping children feel settled.',
  'We are a calm household and like to take things at the child’s pace.',
  'Our family is close and our grown-up children visit often.',
  'We both work from home part of the week, so there is always someone around.',
];
export const profileLikes = [
  'Walks on the beach, board games and Sunday roasts.',
  'Swimming, cycling and visits to the local farm park.',
  'Baking, films on a Friday night and trips to the library.',
  'Football at the weekend, camping in the summer and lots of music.',
  'Gardening, crafts and feeding the ducks at the park.',
];
export const profileHome = [
  'A three-bedroom semi with a garden, close to the primary school.',
  'A terraced house near the town centre, a short walk from the bus stop.',
  'A detached house on the edge of a village with fields behind it.',
  'A bungalow with a large garden and a trampoline.',
  'A four-bedroom house on a quiet close with a park nearby.',
];
export const pets = ['A friendly dog', 'Two cats', 'A rabbit and a guinea pig', 'Fish in a tank', 'An old, sleepy cat'];

export const movePlanned = [
  'Planned move to long-term carers',
  'Moved to be placed with siblings',
  'Step-down from an emergency placement',
  'Planned move closer to school',
  'Planned move to a specialist placement',
];
export const moveUnplanned = [
  'Carer asked for the child to be moved',
  'Placement breakdown',
  'Child’s needs could not be met',
  'Carer’s family circumstances changed',
  'Allegation against the household: child moved',
];
export const leftCarePlanned = [
  'Returned home to family',
  'Special guardianship order granted',
  'Child arrangements order to a relative',
  'Moved to supported accommodation',
];
export const leftCareUnplanned = ['Moved to residential care', 'Moved to an agency foster placement'];

export const referralNeeds = [
  'A stable family home close to school, with carers experienced in managing anxiety.',
  'Carers able to support contact with birth family twice a week.',
  'A home where the child is the youngest or only child placed.',
  'Carers confident with challenging behaviour and routines at bedtime.',
  'Support with attending school every day and with homework.',
  'A home within reach of the child’s current school and friends.',
];
export const returnReasons = [
  'Risk assessment missing',
  'Needs not described in enough detail',
  'Care plan not attached',
  'Contact arrangements unclear',
];
export const matchReasons = [
  'Carers have experience of the child’s age group and needs; close to school.',
  'Vacancy fits the approval terms; carers have supported similar contact arrangements.',
  'Household has room for the sibling group and a settled routine.',
  'Skilled carers with training in trauma-informed care.',
];
export const supportPackages = [
  'Weekly SSW contact for the first month; respite available.',
  'Fortnightly SSW visits, therapeutic support through CAMHS, school transport.',
  'Mentor carer support and a training place on managing behaviour.',
  'Additional allowance for school transport; SSW visits every 4 weeks.',
];
export const statusReasons: Record<string, readonly string[]> = {
  on_hold: ['Family circumstances', 'House move', 'Carer health'],
  deregistered: [
    'Retired from fostering',
    'Resigned: moved out of the area',
    'Special guardianship for the child placed',
    'Deregistered after review',
  ],
  withdrawn: ['Changed their mind', 'Family circumstances', 'No longer able to offer a room'],
  refused: ['Assessment did not recommend approval', 'Suitability concerns raised at panel'],
};
