//! Readers for the parts every job-description layout shares: the duties table, list sections
//! (rights, responsibilities, amendment rules), requirements with typed language requirements,
//! competencies, signature blocks and approval stamps. The layouts decide where each part is;
//! these modules read it.

pub mod competencies;
pub mod duties;
pub mod languages;
pub mod lists;
pub mod requirements;
pub mod signatures;
