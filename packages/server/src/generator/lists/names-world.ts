/**
 * Names of immigrant origin common in the Netherlands, as spelled in Dutch registrations
 * (diacritics kept where the Dutch BRP usually keeps them). Written for this project from
 * general knowledge; plain common names, never records of real persons.
 */

export interface OriginNames {
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Surnames, roughly from frequent to rare. */
  readonly surnames: readonly string[];
}

export const TURKISH: OriginNames = {
  male: [
    'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf',
    'Murat', 'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Emre', 'Burak', 'Serkan',
    'Erkan', 'Kemal', 'Selim', 'Onur', 'Furkan', 'Emir', 'Efe', 'Yiğit', 'Kerem', 'Deniz',
    'Batuhan', 'Okan', 'Cem', 'Tolga', 'Volkan', 'Metin', 'Gökhan', 'Barış', 'Uğur', 'Çağlar',
  ],
  female: [
    'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Gülşen', 'Sultan',
    'Hacer', 'Hülya', 'Özlem', 'Derya', 'Esra', 'Büşra', 'Merve', 'Ebru', 'Sevgi', 'Yasemin',
    'Dilek', 'Gül', 'Aysel', 'Nur', 'Songül', 'Tuğba', 'Ecrin', 'Eylül', 'Defne', 'Azra',
    'Ela', 'Irmak', 'Selin', 'Sena', 'Kübra', 'Gülay', 'Nesrin', 'Şeyma', 'Çiğdem', 'Filiz',
  ],
  surnames: [
    'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
    'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek',
    'Polat', 'Korkmaz', 'Karakaya', 'Erdoğan', 'Yavuz', 'Can', 'Acar', 'Güneş', 'Aktaş', 'Bulut',
    'Keskin', 'Ünal', 'Turan', 'Gül', 'Özer', 'Tekin', 'Kaplan', 'Avcı', 'Sarı', 'Bozkurt',
    'Uçar', 'Tunç', 'Erdem', 'Güler', 'Ateş', 'Altun', 'Coşkun', 'Karaca', 'Taş', 'Akın',
    'Yüksel', 'Durmaz', 'Bayram', 'Kocabaş', 'Özbek', 'Duman', 'Sönmez', 'Gündoğdu', 'Topal', 'Bilgiç',
  ],
};

export const MOROCCAN: OriginNames = {
  male: [
    'Mohammed', 'Mohamed', 'Ahmed', 'Youssef', 'Said', 'Abdelkader', 'Mustapha', 'Hassan', 'Hamid', 'Rachid',
    'Karim', 'Khalid', 'Abdelaziz', 'Driss', 'Omar', 'Ayoub', 'Bilal', 'Anass', 'Mehdi', 'Ilias',
    'Adam', 'Amir', 'Zakaria', 'Hamza', 'Nordin', 'Soufiane', 'Yassine', 'Redouan', 'Ismail', 'Ibrahim',
    'Othman', 'Mimoun', 'Abdelhak', 'Brahim', 'Younes', 'Achraf', 'Marouane', 'Samir', 'Jamal', 'Tarik',
  ],
  female: [
    'Fatima', 'Khadija', 'Aicha', 'Aïcha', 'Naima', 'Malika', 'Rachida', 'Samira', 'Nadia', 'Latifa',
    'Zineb', 'Hafsa', 'Meryem', 'Salma', 'Imane', 'Ikram', 'Soumaya', 'Yasmina', 'Loubna', 'Hanane',
    'Nora', 'Sara', 'Lina', 'Amira', 'Noor', 'Aya', 'Ilham', 'Houda', 'Hajar', 'Chaimae',
    'Fadoua', 'Siham', 'Najat', 'Btissam', 'Nouhaila', 'Sanae', 'Karima', 'Touria', 'Zohra', 'Mariam',
  ],
  surnames: [
    'El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Bakkali', 'El Khatib', 'Boukhari', 'Amrani', 'Ouali', 'El Hamdaoui',
    'Azzouzi', 'Aït Taleb', 'Chaoui', 'Mansouri', 'El Ouardi', 'Haddouchi', 'Ziani', 'Tahiri', 'Belhaj', 'El Mokhtari',
    'Aarab', 'Bennani', 'Cherkaoui', 'Bouchtaoui', 'El Yousfi', 'Lahlou', 'Rachidi', 'Ouchan', 'Akhiat', 'Zeroual',
    'Hamdi', 'El Bouzidi', 'Aït Hammou', 'El Moussaoui', 'Abarkan', 'Boutaleb', 'Kaddouri', 'Mourabit', 'Ouahabi', 'Achahbar',
    'Essafi', 'El Fassi', 'Bouali', 'Amzil', 'Azarkan', 'El Hadioui', 'Boujddaine', 'Laaroussi', 'Mahdaoui', 'Ben Haddou',
  ],
};

export const SURINAMESE: OriginNames = {
  male: [
    'Ravi', 'Rajesh', 'Sanjay', 'Anand', 'Ricardo', 'Romano', 'Jurgen', 'Clyde', 'Orlando', 'Glenn',
    'Marciano', 'Dwight', 'Rodney', 'Ashwin', 'Radj', 'Ramon', 'Iwan', 'Sunil', 'Stanley', 'Errol',
    'Romeo', 'Jerrel', 'Quincy', 'Xavier', 'Rishi', 'Naresh', 'Sergio', 'Purcy', 'Gianni', 'Sharif',
  ],
  female: [
    'Shanti', 'Sunita', 'Anita', 'Sharmila', 'Reshma', 'Priya', 'Kavita', 'Jennifer', 'Shirley', 'Gracia',
    'Regina', 'Sherida', 'Natasha', 'Romana', 'Giovanna', 'Ruth', 'Sita', 'Djoeminah', 'Ashna', 'Shenaya',
    'Gwendolyn', 'Marcella', 'Anjali', 'Devika', 'Chandra', 'Ilse', 'Xiomara', 'Samantha', 'Ryenne', 'Sherly',
  ],
  surnames: [
    'Ramdin', 'Biharie', 'Sedney', 'Pinas', 'Ramcharan', 'Mahabier', 'Ramlal', 'Jagessar', 'Sewdien', 'Soekhai',
    'Kartosen', 'Wongsodikromo', 'Karijodikoro', 'Sitaldin', 'Baldew', 'Bhola', 'Doekhie', 'Jhinkoe', 'Lachmon', 'Mangal',
    'Kallan', 'Panday', 'Vreden', 'Zeegelaar', 'Linger', 'Neslo', 'Tjin-A-Koeng', 'Emanuelson', 'Amatdi', 'Esajas',
    'Kanhai', 'Resodikromo', 'Ritfeld', 'Wijngaarde', 'Brunings', 'Jap-A-Joe', 'Sabajo', 'Pengel', 'Gefferie', 'Soerdjbalie',
  ],
};

export const ANTILLEAN: OriginNames = {
  male: [
    'Jesús', 'José', 'Ramón', 'Gregorio', 'Eduardo', 'Juan', 'Luis', 'Edsel', 'Rignald', 'Shurandy',
    'Jurick', 'Kenneth', 'Giovanni', 'Julio', 'Ricardo', 'Richenel', 'Urvin', 'Jaïr', 'Sherwin', 'Jeanderson',
    'Andruw', 'Jurgen', 'Dyron', 'Shaquille',
  ],
  female: [
    'María', 'Rosalinda', 'Shurina', 'Jeanine', 'Gisela', 'Yolanda', 'Milagros', 'Julienne', 'Jessica', 'Sharline',
    'Raquel', 'Soraya', 'Kimberly', 'Roxanne', 'Dayana', 'Xiomara', 'Angélica', 'Maritza', 'Gracita', 'Shudayra',
  ],
  surnames: [
    'Martina', 'Rosaria', 'Isenia', 'Statia', 'Cijntje', 'Franca', 'Pieternella', 'Everts', 'Sulvaran', 'Janga',
    'Croes', 'Wernet', 'Daal', 'Pietersz', 'Clarinda', 'Leito', 'Thodé', 'Jesurun', 'Elisa', 'Winklaar',
    'Trinidad', 'Fernández', 'Martís', 'Boekhoudt', 'Celestijn', 'Suares', 'Coffie', 'Rosalia', 'Marchena', 'Girigorie',
    'Merien', 'Hooi', 'Vicento', 'Felida', 'Ignacio', 'Sillé',
  ],
};

export const POLISH: OriginNames = {
  male: [
    'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Łukasz', 'Jakub', 'Grzegorz',
    'Adam', 'Mateusz', 'Marek', 'Kamil', 'Dawid', 'Wojciech', 'Szymon', 'Bartosz', 'Rafał', 'Mariusz',
    'Sebastian', 'Jan', 'Filip', 'Antoni', 'Kacper', 'Przemysław', 'Zbigniew', 'Damian',
  ],
  female: [
    'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Magdalena', 'Joanna', 'Aleksandra',
    'Monika', 'Zofia', 'Natalia', 'Karolina', 'Marta', 'Dorota', 'Beata', 'Agata', 'Julia', 'Zuzanna',
    'Hanna', 'Maja', 'Oliwia', 'Wiktoria', 'Paulina', 'Justyna', 'Iwona', 'Żaneta',
  ],
  /** Masculine forms; the feminine form of -ski/-cki/-dzki ends in -ska/-cka/-dzka. */
  surnames: [
    'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak',
    'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski',
    'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski',
    'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski',
    'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Jasiński', 'Zawadzki', 'Sadowski',
  ],
};

export const SYRIAN: OriginNames = {
  male: [
    'Mohammad', 'Ahmad', 'Mahmoud', 'Khaled', 'Omar', 'Ali', 'Hussein', 'Yousef', 'Ammar', 'Rami',
    'Bashar', 'Firas', 'Tarek', 'Samer', 'Wael', 'Majd', 'Hamza', 'Abdulrahman', 'Ibrahim', 'Adnan',
    'Fadi', 'Mazen', 'Karam', 'Ayham', 'Jood', 'Yazan',
  ],
  female: [
    'Fatima', 'Aya', 'Rania', 'Rasha', 'Hiba', 'Lama', 'Nour', 'Sara', 'Maryam', 'Alaa',
    'Reem', 'Dima', 'Layla', 'Hala', 'Amal', 'Rawan', 'Yasmin', 'Ghada', 'Huda', 'Salam',
    'Batoul', 'Zeinab', 'Lina', 'Asmaa', 'Joud', 'Sidra',
  ],
  surnames: [
    'Al-Ahmad', 'Al-Hassan', 'Al-Ali', 'Haddad', 'Khalil', 'Ibrahim', 'Mahmoud', 'Hamoud', 'Al-Khatib', 'Darwish',
    'Al-Masri', 'Al-Halabi', 'Sulaiman', 'Najjar', 'Al-Hamwi', 'Hussein', 'Othman', 'Al-Shami', 'Kurdi', 'Hamdan',
    'Aziz', 'Qassem', 'Saleh', 'Youssef', 'Jaber', 'Al-Omar', 'Al-Issa', 'Barakat', 'Nasser', 'Mustafa',
    'Abdullah', 'Al-Hariri', 'Sabbagh', 'Al-Rifai', 'Hallak',
  ],
};

/** Eritrean names; a child's surname is usually the father's given name. */
export const ERITREAN: OriginNames = {
  male: [
    'Tesfay', 'Yonas', 'Daniel', 'Michael', 'Samuel', 'Yohannes', 'Haile', 'Mebrahtu', 'Berhane', 'Ghebremedhin',
    'Tekle', 'Kidane', 'Amanuel', 'Filmon', 'Semere', 'Habtom', 'Mussie', 'Robel', 'Abraham', 'Merhawi',
    'Efrem', 'Yemane', 'Goitom', 'Teklay', 'Biniam', 'Henok', 'Nahom', 'Aron', 'Kibrom', 'Medhanie',
  ],
  female: [
    'Helen', 'Selam', 'Senait', 'Luwam', 'Saba', 'Meron', 'Yordanos', 'Ruta', 'Hiwet', 'Feven',
    'Winta', 'Rahel', 'Freweyni', 'Mebrat', 'Tsega', 'Almaz', 'Letebrhan', 'Semhar', 'Milena', 'Danait',
    'Eden', 'Natsinet', 'Hanna', 'Salina',
  ],
  surnames: [
    'Tesfamariam', 'Ghebreyesus', 'Woldemichael', 'Haile', 'Tekle', 'Berhe', 'Gebremedhin', 'Kahsay', 'Asmerom', 'Okbazghi',
    'Habte', 'Andemariam', 'Zerai', 'Mehari', 'Tesfazghi', 'Weldu', 'Mengis', 'Kiflom', 'Tesfay', 'Yemane',
  ],
};

export const MOLUCCAN: OriginNames = {
  male: ['Johannes', 'Frans', 'Max', 'Ronny', 'Jopie', 'Nicky', 'Dominggus', 'Marthen', 'Semuel', 'Julius', 'Ferry', 'Rudy'],
  female: ['Maria', 'Deetje', 'Wilhelmina', 'Femmy', 'Christien', 'Nona', 'Jacqueline', 'Sientje', 'Elly', 'Ivonne'],
  surnames: [
    'Pattiasina', 'Latuheru', 'Sahetapy', 'Tuhumury', 'Matulessy', 'Nanlohy', 'Wattimena', 'Tupamahu', 'Leiwakabessy', 'Lekatompessy',
    'Pattinama', 'Soplanit', 'Hehanussa', 'Manuhutu', 'Sopacua',
  ],
};

export const BULGARIAN: OriginNames = {
  male: ['Georgi', 'Ivan', 'Dimitar', 'Nikolay', 'Petar', 'Stoyan', 'Hristo', 'Todor', 'Angel', 'Yordan', 'Kaloyan', 'Martin'],
  female: ['Maria', 'Ivanka', 'Elena', 'Yordanka', 'Desislava', 'Gergana', 'Radka', 'Milena', 'Tsvetelina', 'Violeta', 'Kremena', 'Petya'],
  surnames: ['Ivanov', 'Georgiev', 'Dimitrov', 'Petrov', 'Nikolov', 'Hristov', 'Stoyanov', 'Todorov', 'Iliev', 'Angelov', 'Atanasov', 'Kolev', 'Yordanov', 'Marinov'],
};
